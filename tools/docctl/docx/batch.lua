-- Convert many Markdown files to DOCX in one pandoc process.
-- Arguments: a list file (one "input<TAB>output" per line), the reference DOCX, the reader format.
-- Front matter is parsed by the reader and dropped: the cover and history are added afterwards.
-- Raw HTML tables (import writes a table with merged cells as one, rowspan/colspan) become real tables:
-- pandoc's DOCX writer drops raw HTML but writes a Table's spans as gridSpan / vMerge.
local list, reference, reader = arg[1], arg[2], arg[3]
local options = pandoc.WriterOptions({reference_doc = reference})

local function count(text, pattern)
  local n = 0
  for _ in text:gmatch(pattern) do n = n + 1 end
  return n
end

local function depth(block)
  if block.t ~= "RawBlock" or block.format ~= "html" then return 0 end
  return count(block.text, "<[Tt][Aa][Bb][Ll][Ee][%s>]") - count(block.text, "</[Tt][Aa][Bb][Ll][Ee]%s*>")
end

local function opens_table(block)
  return block.t == "RawBlock" and block.format == "html" and block.text:match("^%s*<[Tt][Aa][Bb][Ll][Ee][%s>]")
end

-- The markdown reader splits an HTML table into raw tags and the Markdown between them: write the pieces
-- back as HTML and read that as HTML.
-- Should the HTML reader fail, the pieces stay as they were (pandoc then leaves them out, as before).
local function as_table(pieces)
  local ok, blocks = pcall(function()
    return pandoc.read(pandoc.write(pandoc.Pandoc(pieces), "html"), "html").blocks
  end)
  return ok and blocks or pieces
end

local function html_tables(blocks)
  local out, pending, open = pandoc.List(), nil, 0
  for _, block in ipairs(blocks) do
    if pending then
      pending:insert(block)
      open = open + depth(block)
      if open <= 0 then
        out:extend(as_table(pending))
        pending = nil
      end
    elseif opens_table(block) then
      open = depth(block)
      if open <= 0 then out:extend(as_table({block})) else pending = pandoc.List({block}) end
    else
      out:insert(block)
    end
  end
  if pending then out:extend(pending) end   -- never closed: left as the reader made it
  return out
end

for line in io.lines(list) do
  local src, dst = line:match("^(.-)\t(.-)$")
  if src then
    local f = assert(io.open(src, "rb"))
    local text = f:read("a")
    f:close()
    local doc = pandoc.read(text, reader)
    doc.meta = {}
    doc = doc:walk({Blocks = html_tables})
    local out = assert(io.open(dst, "wb"))
    out:write(pandoc.write(doc, "docx", options))
    out:close()
  end
end
