-- Convert many Markdown files to DOCX in one pandoc process.
-- Arguments: a list file (one "input<TAB>output" per line), the reference DOCX, the reader format.
-- Front matter is parsed by the reader and dropped: the cover and history are added afterwards.
local list, reference, reader = arg[1], arg[2], arg[3]
local options = pandoc.WriterOptions({reference_doc = reference})
for line in io.lines(list) do
  local src, dst = line:match("^(.-)\t(.-)$")
  if src then
    local f = assert(io.open(src, "rb"))
    local text = f:read("a")
    f:close()
    local doc = pandoc.read(text, reader)
    doc.meta = {}
    local out = assert(io.open(dst, "wb"))
    out:write(pandoc.write(doc, "docx", options))
    out:close()
  end
end
