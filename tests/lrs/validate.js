// Checks xAPI statements with @learninglocker/xapi-validation (MIT), for
// tests/lrs.rs: node validate.js FILE (one statement or an array).
// Prints each problem; exit 0 when there are none, 1 when there are, 2 on bad input.
'use strict';
const fs = require('fs');
const validate = require('@learninglocker/xapi-validation').default;
let data;
try {
  data = JSON.parse(fs.readFileSync(process.argv[2] || 0, 'utf8'));
} catch (error) {
  console.error('not JSON: ' + error.message);
  process.exit(2);
}
const statements = Array.isArray(data) ? data : [data];
const describe = (warning) => {
  const at = warning.path.join('.');
  switch (warning.constructor.name) {
    case 'RequiredWarning': return `missing required value at ${at}`;
    case 'RestrictedKeysWarning': return `unknown keys (${warning.keys.join(', ')}) at ${at}`;
    case 'TypeWarning': return `expected ${warning.typeName || (warning.type && warning.type.name)} at ${at}, got ${JSON.stringify(warning.data)}`;
    default: return `${warning.constructor.name} at ${at}: ${JSON.stringify(warning.data)}`;
  }
};
let problems = 0;
statements.forEach((statement, index) => {
  for (const warning of validate(statement)) {
    problems += 1;
    console.log(`statement[${index}]: ${describe(warning)}`);
  }
});
process.exit(problems ? 1 : 0);
