// Converts BudouX's published models (npm package `budoux`, data/models/*.js)
// into the TSV the kiosk embeds at build time: "FEATURE<TAB>KEY<TAB>SCORE" a line.
// Usage (once, when updating the models; the build never needs npm):
//   cd /tmp && npm pack budoux && tar xzf budoux-*.tgz
//   node convert.js /tmp/package/dist/data/models/zh-hant.js > zh-hant.tsv
const {model} = require(require('path').resolve(process.argv[2]));
const lines = [];
for (const feature of Object.keys(model).sort())
  for (const key of Object.keys(model[feature]).sort()) {
    if (/[\t\n\r]/.test(key)) throw new Error('key with a tab or newline: ' + feature);
    lines.push(`${feature}\t${key}\t${model[feature][key]}`);
  }
process.stdout.write(lines.join('\n') + '\n');
