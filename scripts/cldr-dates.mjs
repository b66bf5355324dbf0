#!/usr/bin/env node
// Writes crates/model/src/locale/cldr.rs: the weekday and month names, the
// full date pattern and the digits of each interface language, from the
// Unicode CLDR's JSON packages. Run by hand when a language is added or CLDR
// is updated; the build and the tests never run it, and the packages stay
// out of package.json (they are large; only a few hundred bytes of them ship):
//
//   npm install --prefix /tmp/cldr cldr-dates-full@47.0.0 cldr-numbers-full@47.0.0 cldr-core@47.0.0
//   node scripts/cldr-dates.mjs /tmp/cldr/node_modules
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [modules] = process.argv.slice(2);
if (!modules) {
  console.error('usage: node scripts/cldr-dates.mjs <node_modules with cldr-dates-full, cldr-numbers-full, cldr-core>');
  process.exit(2);
}
const OUT = new URL('../crates/model/src/locale/cldr.rs', import.meta.url).pathname;

// The Rust constant, and the CLDR locale whose data it holds. English is
// en-GB: the network writes the day before the month (`Tuesday, 4 November 2025`).
const LOCALES = [
  ['DE', 'de'],
  ['EN_GB', 'en-GB'],
  ['ZH', 'zh'],
  ['AR', 'ar'],
];
// The model counts weekdays from Monday, as ISO 8601 does.
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

const readJson = (...path) => JSON.parse(readFileSync(join(modules, ...path), 'utf8'));
const version = readJson('cldr-dates-full', 'package.json').version;
for (const other of ['cldr-numbers-full', 'cldr-core']) {
  const theirs = readJson(other, 'package.json').version;
  if (theirs !== version) throw new Error(`${other} is ${theirs}, cldr-dates-full ${version}: install one CLDR version`);
}
const numberingSystems = readJson('cldr-core', 'supplemental', 'numberingSystems.json').supplemental.numberingSystems;

const rustString = (text) => JSON.stringify(text); // JSON escapes are valid Rust escapes for these texts
const rustChars = (digits) => `[${[...digits].map((digit) => `'${digit}'`).join(', ')}]`;

function digitsOf(system) {
  const digits = numberingSystems[system]?._digits;
  if (numberingSystems[system]?._type !== 'numeric' || [...digits].length !== 10) {
    throw new Error(`numbering system ${system} has no ten decimal digits`);
  }
  return digits;
}

function constant([name, locale]) {
  const gregorian = readJson('cldr-dates-full', 'main', locale, 'ca-gregorian.json').main[locale].dates.calendars
    .gregorian;
  const numbers = readJson('cldr-numbers-full', 'main', locale, 'numbers.json').main[locale].numbers;
  const weekdays = WEEKDAYS.map((day) => gregorian.days.format.wide[day]);
  const months = Array.from({ length: 12 }, (_, index) => gregorian.months.format.wide[index + 1]);
  const system = numbers.defaultNumberingSystem;
  const native = numbers.otherNumberingSystems.native;
  return `/// \`${locale}\`: full date \`${gregorian.dateFormats.full}\`, numbering systems \`${system}\` (default) and \`${native}\` (native).
pub(super) const ${name}: Calendar = Calendar {
    weekdays: [${weekdays.map(rustString).join(', ')}],
    months: [${months.map(rustString).join(', ')}],
    full_date: ${rustString(gregorian.dateFormats.full)},
    digits: ${rustChars(digitsOf(system))},
    native_digits: ${rustChars(digitsOf(native))},
};
`;
}

const header = `//! Generated from Unicode CLDR ${version} (npm packages cldr-dates-full,
//! cldr-numbers-full and cldr-core ${version}) by \`node scripts/cldr-dates.mjs\`;
//! do not edit. Gregorian format-wide weekday (Monday first) and month
//! names, the full date pattern, and the digits of the default and native
//! numbering systems. Unicode license: <https://www.unicode.org/license.txt>.

use super::date_pattern::Calendar;
`;

writeFileSync(OUT, [header, ...LOCALES.map(constant)].join('\n'));
// In the layout `cargo fmt` keeps, so that formatting the crate leaves the file as generated.
execFileSync('rustfmt', ['--edition', '2021', OUT]);
console.log(`wrote ${OUT} from CLDR ${version}`);
