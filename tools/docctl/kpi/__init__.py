"""KPIs: indicators declared as data in a plan, checked against its table, measured by records."""
