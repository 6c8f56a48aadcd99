import * as vscode from 'vscode';
import { LanguageClientOptions } from 'vscode-languageclient/node';
import { isHeadingLine, isLinkAnchorContext, serverSettings, withoutAnchorsListedByOthers, withoutPlacesListedByOthers } from './protocol';
import { serverStdio } from './serverOutput';

// While we ask VS Code for the other providers' references, our own provider answers nothing.
let askingOtherProviders = 0;
// The same for completions.
let askingOtherCompletions = 0;

/** How the client talks to SpecLsp inside VS Code. */
export function createClientOptions(output: vscode.LogOutputChannel): LanguageClientOptions {
  return {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
    ],
    outputChannel: output,
    stdioOptions: serverStdio,
    // No synchronize options: the server registers its own file watchers and pulls its settings.
    middleware: {
      workspace: {
        configuration: async (params, token, next) => {
          const answer = await next(params, token);
          return Array.isArray(answer) ? answer.map((value, i) => (params.items[i]?.section === 'speclsp' ? serverSettings(value) : value)) : answer;
        },
      },
      // VS Code's built-in Markdown extension already provides the outline, breadcrumbs and heading
      // folding; ours would show as a second, near-identical outline. Other editors still get both.
      provideDocumentSymbols: () => undefined,
      provideFoldingRanges: () => undefined,
      // Same for links: it already makes every Markdown link clickable, ours would underline them twice.
      provideDocumentLinks: () => undefined,
      // Its workspace symbols list every heading too; only the requirement/test IDs (Key) are ours alone.
      provideWorkspaceSymbols: async (query, token, next) =>
        (await next(query, token))?.filter((symbol) => symbol.kind === vscode.SymbolKind.Key),
      // On a heading it also finds the heading and the links to it, and VS Code lists both answers: keep only the
      // places it does not list (an ID the heading defines, links it resolves differently).
      provideReferences: async (document, position, options, token, next) => {
        if (askingOtherProviders > 0) {
          return undefined;
        }
        const ours = await next(document, position, options, token);
        if (!ours || ours.length === 0 || !isHeadingLine(document.lineAt(position.line).text)) {
          return ours;
        }
        askingOtherProviders++;
        try {
          const all = (await vscode.commands.executeCommand<vscode.Location[] | undefined>('vscode.executeReferenceProvider', document.uri, position)) ?? [];
          const others = all.map((l) => ({ uri: l.uri.toString(), line: l.range.start.line }));
          return withoutPlacesListedByOthers(
            ours.map((l) => ({ uri: l.uri.toString(), line: l.range.start.line, location: l })),
            others,
          ).map((p) => p.location);
        } finally {
          askingOtherProviders--;
        }
      },
      // In a link's fragment (`](file.md#`) it completes the anchors too, labelled `#anchor`: VS Code would list each
      // twice. Keep only ours that it does not list (explicit anchors, a file it resolves differently).
      provideCompletionItem: async (document, position, context, token, next) => {
        if (askingOtherCompletions > 0) {
          return undefined;
        }
        const ours = await next(document, position, context, token);
        const items = Array.isArray(ours) ? ours : ours?.items;
        if (!items || items.length === 0 || !isLinkAnchorContext(document.lineAt(position.line).text.slice(0, position.character))) {
          return ours;
        }
        askingOtherCompletions++;
        try {
          const all = await vscode.commands.executeCommand<vscode.CompletionList | undefined>('vscode.executeCompletionItemProvider', document.uri, position, context.triggerCharacter);
          const others = new Set((all?.items ?? []).map((item) => (typeof item.label === 'string' ? item.label : item.label.label)));
          const kept = withoutAnchorsListedByOthers(
            items.map((item) => ({ label: typeof item.label === 'string' ? item.label : item.label.label, kind: item.kind, item })),
            others,
            vscode.CompletionItemKind.Reference,
          ).map((entry) => entry.item);
          return Array.isArray(ours) ? kept : new vscode.CompletionList(kept, ours?.isIncomplete);
        } finally {
          askingOtherCompletions--;
        }
      },
    },
  };
}
