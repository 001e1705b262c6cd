-- Run by tests/neovim.rs: `nvim --headless --clean -n -u tests/neovim/init.lua`.
-- Opens $NUMCHECK_FILE, attaches `$NUMCHECK_BIN lsp`, waits for diagnostics,
-- hovers on two figures, and writes what Neovim received as JSON to
-- $NUMCHECK_OUT. Written for Neovim 0.7 (Debian bookworm): vim.lsp.start
-- does not exist there, so start_client + buf_attach_client.
local bin = os.getenv("NUMCHECK_BIN")
local file = os.getenv("NUMCHECK_FILE")
local out = os.getenv("NUMCHECK_OUT")

local function write(result)
  local f = assert(io.open(out, "w"))
  f:write(vim.fn.json_encode(result))
  f:close()
end

local function hover_at(buf, pattern)
  vim.api.nvim_win_set_cursor(0, { 1, 0 })
  if vim.fn.search(pattern, "cW") == 0 then
    return { error = "pattern not found: " .. pattern }
  end
  local params = vim.lsp.util.make_position_params()
  local responses = vim.lsp.buf_request_sync(buf, "textDocument/hover", params, 10000)
  for _, r in pairs(responses or {}) do
    if r.result then
      return {
        position = params.position,
        value = r.result.contents.value,
        range = r.result.range,
      }
    end
  end
  return { error = "no hover" }
end

local function run()
  vim.cmd("filetype on")
  vim.cmd("edit " .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = "numcheck",
    cmd = { bin, "lsp" },
    root_dir = vim.fn.fnamemodify(file, ":p:h"),
  })
  assert(client_id, "the client did not start")
  assert(vim.lsp.buf_attach_client(buf, client_id), "attach failed")
  local received = vim.wait(20000, function()
    return #vim.diagnostic.get(buf) > 0
  end, 20)
  local diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(diagnostics, {
      code = d.code,
      source = d.source,
      severity = d.severity,
      lnum = d.lnum,
      col = d.col,
      end_lnum = d.end_lnum,
      end_col = d.end_col,
      message = d.message,
    })
  end
  table.sort(diagnostics, function(a, b)
    return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col)
  end)
  local client = vim.lsp.get_client_by_id(client_id)
  local result = {
    nvim = tostring(vim.version().major) .. "." .. tostring(vim.version().minor),
    received = received,
    filetype = vim.bo[buf].filetype,
    offset_encoding = client and client.offset_encoding or "",
    diagnostics = diagnostics,
    hover_3000 = hover_at(buf, "3,000"),
    hover_1200 = hover_at(buf, "1,200"),
  }
  vim.lsp.stop_client(client_id)
  vim.wait(5000, function()
    return vim.lsp.get_client_by_id(client_id) == nil
  end, 20)
  write(result)
end

local ok, err = pcall(run)
if not ok then
  write({ error = tostring(err) })
  vim.cmd("cquit 1")
end
vim.cmd("qa!")
