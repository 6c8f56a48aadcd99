import { strict as assert } from 'node:assert';
import { describe, test } from 'node:test';
import {
  fileNameForTitle,
  isHeadingLine,
  isLinkAnchorContext,
  newSpecResultUri,
  serverSettings,
  SHOW_REFERENCES_COMMAND,
  withClientCommands,
  withoutAnchorsListedByOthers,
  withoutPlacesListedByOthers,
} from '../src/protocol';

describe('protocol helpers', () => {
  test('fileNameForTitle_Punctuation_BecomesSingleDashes', () => {
    assert.equal(fileNameForTitle('CSV Export: Café & Co.'), 'csv-export-cafe-co.md');
    assert.equal(fileNameForTitle('!!!'), 'spec.md');
  });

  test('serverSettings_VsCodeSection_DropsClientOnlyKeys', () => {
    const section = {
      server: { path: '' },
      dotnet: { path: '' },
      trace: { server: 'off' },
      templatesFolder: '.spec/templates',
      severity: { 'empty-section': 'off' },
    };
    assert.deepEqual(serverSettings(section), { templatesFolder: '.spec/templates', severity: { 'empty-section': 'off' } });
    assert.equal(serverSettings(null), null);
  });

  test('newSpecResultUri_StringOrObject_GivesUri', () => {
    assert.equal(newSpecResultUri('file:///a.md'), 'file:///a.md');
    assert.equal(newSpecResultUri({ uri: 'file:///b.md' }), 'file:///b.md');
    assert.equal(newSpecResultUri(null), undefined);
  });

  test('isHeadingLine_AtxHeadingsOnly', () => {
    assert.equal(isHeadingLine('## Scope'), true);
    assert.equal(isHeadingLine('   #'), true);
    assert.equal(isHeadingLine('#hashtag'), false);
    assert.equal(isHeadingLine('    ## code'), false);
    assert.equal(isHeadingLine('Text with ## inside'), false);
  });

  test('withoutPlacesListedByOthers_SameDocumentAndLine_ListedOnce', () => {
    const ours = [
      { uri: 'file:///a.md', line: 3, tag: 'heading' },
      { uri: 'file:///a.md', line: 9, tag: 'link' },
      { uri: 'file:///b.md', line: 3, tag: 'other file' },
    ];
    const builtIn = [
      { uri: 'file:///a.md', line: 3 },
      { uri: 'file:///a.md', line: 9 },
    ];
    assert.deepEqual(withoutPlacesListedByOthers(ours, builtIn).map((p) => p.tag), ['other file']);
    assert.deepEqual(withoutPlacesListedByOthers(ours, []).map((p) => p.tag), ['heading', 'link', 'other file']);
  });
  test('isLinkAnchorContext_FragmentOfALinkDestination_Only', () => {
    assert.equal(isLinkAnchorContext('See [the exporter](csv-export.md#'), true);
    assert.equal(isLinkAnchorContext('See [the exporter](csv-export.md#arch'), true);
    assert.equal(isLinkAnchorContext('See [goals](#'), true);
    assert.equal(isLinkAnchorContext('[exporter]: csv-export.md#arch'), true);
    assert.equal(isLinkAnchorContext('See [the exporter](csv-export.md'), false);
    assert.equal(isLinkAnchorContext('See [the exporter](csv-export.md#arch) and #'), false);
    assert.equal(isLinkAnchorContext('## '), false);
    assert.equal(isLinkAnchorContext('Issue #'), false);
  });

  test('withoutAnchorsListedByOthers_AnchorsBuiltInMarkdownLists_ListedOnce', () => {
    const reference = 18;
    const ours = [
      { label: 'architecture-overview', kind: reference },
      { label: 'goals', kind: reference },
      { label: 'explicit-anchor', kind: reference },
      { label: 'csv-export.md', kind: 17 },
    ];
    const builtIn = new Set(['#architecture-overview', '#goals', 'csv-export.md']);
    assert.deepEqual(withoutAnchorsListedByOthers(ours, builtIn, reference).map((i) => i.label), ['explicit-anchor', 'csv-export.md']);
    assert.deepEqual(withoutAnchorsListedByOthers(ours, new Set(), reference).map((i) => i.label), ['architecture-overview', 'goals', 'explicit-anchor', 'csv-export.md']);
  });

  test('withClientCommands adds the commands to experimental.commands, keeping what is there', () => {
    assert.deepEqual(withClientCommands<{ experimental?: unknown }>({}, [SHOW_REFERENCES_COMMAND]).experimental, { commands: { commands: ['speclsp.showReferences'] } });
    assert.deepEqual(
      withClientCommands({ experimental: { other: 1, commands: { commands: ['a', 2, SHOW_REFERENCES_COMMAND] } } }, [SHOW_REFERENCES_COMMAND]).experimental,
      { other: 1, commands: { commands: ['a', 'speclsp.showReferences'] } },
    );
  });
});
