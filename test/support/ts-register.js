// Lets a child `node` process run the TypeScript sources directly (`node -r ./test/support/ts-register.js
// src/main.ts`), so tests can spawn real server processes without a build. Transpile only: types are
// checked once by `npm run typecheck`. Decorator metadata is kept, as type-graphql needs it.
const { readFileSync } = require('node:fs');
const ts = require('typescript');

const compilerOptions = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  experimentalDecorators: true,
  emitDecoratorMetadata: true,
  esModuleInterop: true,
  sourceMap: false,
};

require.extensions['.ts'] = (module, filename) => {
  const { outputText } = ts.transpileModule(readFileSync(filename, 'utf8'), { compilerOptions, fileName: filename });
  module._compile(outputText, filename);
};
