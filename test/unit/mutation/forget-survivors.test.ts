import { forgetSurvivors } from '../../mutation/forget-survivors';

const mutant = (id: string, status: string) => ({ id, status, mutatorName: 'Regex', location: { start: { line: 1, column: 1 } } });

describe('forgetSurvivors', () => {
  it('drops the survived and uncovered mutants of every file and keeps the rest of the report as it was', () => {
    const report = {
      schemaVersion: '2',
      testFiles: { 'a.test.ts': { tests: [] } },
      files: {
        'a.ts': { language: 'typescript', source: 'a', mutants: [mutant('1', 'Killed'), mutant('2', 'Survived'), mutant('3', 'Timeout')] },
        'b.ts': {
          language: 'typescript',
          source: 'b',
          mutants: [mutant('4', 'NoCoverage'), mutant('5', 'Ignored'), mutant('6', 'RuntimeError')],
        },
      },
    };

    expect(forgetSurvivors(report)).toEqual({
      forgotten: 2,
      report: {
        schemaVersion: '2',
        testFiles: { 'a.test.ts': { tests: [] } },
        files: {
          'a.ts': { language: 'typescript', source: 'a', mutants: [mutant('1', 'Killed'), mutant('3', 'Timeout')] },
          'b.ts': { language: 'typescript', source: 'b', mutants: [mutant('5', 'Ignored'), mutant('6', 'RuntimeError')] },
        },
      },
    });
  });

  it('refuses what is not an incremental report rather than write back a broken one', () => {
    expect(() => forgetSurvivors({ schemaVersion: '2' })).toThrow('not a Stryker incremental report: no files');
    expect(() => forgetSurvivors({ files: { 'a.ts': { source: 'a' } } })).toThrow('a.ts has no mutants');
  });
});
