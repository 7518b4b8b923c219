import sys

from docctl.cli import main

sys.exit(main())
