// Reads each feed file named on the command line with rss-parser, as a feed reader built on it would, and prints
// what it understood as one JSON array. A feed it cannot read makes this exit non-zero with the parser's error.
import { readFile } from 'node:fs/promises';
import Parser from 'rss-parser';

const parser = new Parser();
const feeds = [];
for (const path of process.argv.slice(2)) {
  feeds.push(await parser.parseString(await readFile(path, 'utf8')));
}
process.stdout.write(JSON.stringify(feeds));
