#!/usr/bin/env node
// Sets up the environment BEFORE React and Ink load (both read it at import time), then runs the CLI.
import process from 'node:process';

// React development builds record a performance.measure per render and never drop them: an endless
// stream would leak (performance.md §5). Production mode unless the user asked otherwise.
process.env.NODE_ENV ??= 'production';

// Ink 6.8 prints only the final frame when CI is set (ink-notes P7). A real terminal on stdout
// means someone is watching, whatever the environment says.
const argv = process.argv.slice(2);
const separator = argv.indexOf('--');
const options = separator === -1 ? argv : argv.slice(0, separator);
if (argv[0] === 'watch' && process.stdout.isTTY && !options.includes('--plain')) {
	delete process.env.CI;
	delete process.env.CONTINUOUS_INTEGRATION;
}

const {run} = await import('./cli.js');
await run();
