-- SpecLsp for Neovim 0.7 (vim.lsp.start_client + buf_attach_client); docs/editors.md has the 0.8+ form.
-- The server: a speclsp.dll run with dotnet (or a `speclsp` executable as the whole cmd).
local speclsp_dll = vim.env.SPECLSP_DLL or vim.fn.expand('~/.local/share/speclsp/speclsp.dll')
local clients = {} -- one server per root folder

vim.api.nvim_create_autocmd('FileType', {
  pattern = 'markdown',
  callback = function(args)
    local root = vim.fn.getcwd()
    if clients[root] == nil then
      clients[root] = vim.lsp.start_client({
        name = 'speclsp',
        cmd = { 'dotnet', speclsp_dll, 'lsp' },
        root_dir = root,
        workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
        -- Answered to the server's workspace/configuration requests (section "speclsp").
        settings = { speclsp = { templatesFolder = '.spec/templates', severity = {} } },
      })
    end
    vim.lsp.buf_attach_client(args.buf, clients[root])
    vim.bo[args.buf].omnifunc = 'v:lua.vim.lsp.omnifunc'
  end,
})

-- 0.7's omnifunc inserts only a completion's main edit; a section's body comes as additionalTextEdits.
vim.api.nvim_create_autocmd('CompleteDone', {
  callback = function()
    local item = vim.tbl_get(vim.v.completed_item or {}, 'user_data', 'nvim', 'lsp', 'completion_item')
    if item and item.additionalTextEdits then
      vim.lsp.util.apply_text_edits(item.additionalTextEdits, vim.api.nvim_get_current_buf(), 'utf-16')
    end
  end,
})
