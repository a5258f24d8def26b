// An independent reading of an X12 file: node-x12 in strict mode (segment counts, group and interchange control
// totals). Prints what it read as one JSON line; exits non-zero, with the parser's message, on anything it refuses.
const { X12Parser } = require('node-x12');
const fs = require('fs');

const interchange = new X12Parser(true).parse(fs.readFileSync(process.argv[2], 'utf8'));
const sets = [];
for (const group of interchange.functionalGroups) {
  for (const transaction of group.transactions) {
    sets.push({
      set: transaction.header.elements[0].value,
      control: transaction.header.elements[1].value,
      segments: transaction.segments.length,
      beg03: (transaction.segments.find((s) => s.tag === 'BEG') || { elements: [{}, {}, {}] }).elements[2].value,
    });
  }
}
console.log(JSON.stringify({
  sender: interchange.header.elements[5].value.trim(),
  receiver: interchange.header.elements[7].value.trim(),
  group: interchange.functionalGroups[0].header.elements[5].value,
  sets,
}));
