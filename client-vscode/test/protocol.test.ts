import { strict as assert } from 'node:assert';
import { describe, test } from 'node:test';
import { fileNameForTitle, newSpecResultUri, serverSettings } from '../src/protocol';

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
});
