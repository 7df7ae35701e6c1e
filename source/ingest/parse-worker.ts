// The parse worker's entry: splits each feed's chunks into lines, parses and validates them, and
// sends the outcomes back as one compact batch per chunk (see outcome-codec.ts). It holds no
// Monitor state: the main thread's trackers and screen see the same outcomes in the same order as
// if it had parsed them itself, only a second core did the work.
import {parentPort} from 'node:worker_threads';
import {OutcomeEncoder} from '../events/outcome-codec.js';
import {parseLine} from '../events/parse.js';
import type {ParseOutcome} from '../events/types.js';
import {overlongOutcome} from './byte-feed.js';
import {LineSplitter} from './line-splitter.js';
import type {FromWorker, ToWorker} from './parse-protocol.js';

const port = parentPort;
const encoder = new OutcomeEncoder();
const splitters = new Map<number, LineSplitter>();
// The main thread's read time of the chunk being parsed: one per chunk, as a clock read per line
// costs more than it tells (it only stands in for a missing ts and bounds plausible ones).
let arrivalMs = 0;

function open(maxLineBytes: number | undefined): LineSplitter {
	let tooLong: ParseOutcome | undefined;
	const splitter: LineSplitter = new LineSplitter({
		maxLineBytes,
		onLine(line) {
			encoder.add(parseLine(line, arrivalMs), line);
		},
		onOverlong(sample) {
			tooLong ??= overlongOutcome(splitter.maxLineBytes);
			encoder.add(tooLong, sample);
		},
	});
	return splitter;
}

function send(message: FromWorker, transfer?: ArrayBuffer[]): void {
	port?.postMessage(message, transfer);
}

function flush(feed: number, bytes: number): void {
	const batch = encoder.take();
	send({t: 'batch', feed, bytes, batch}, [batch.nums.buffer as ArrayBuffer]);
}

function handle(message: ToWorker): void {
	switch (message.t) {
		case 'open':
			splitters.set(message.feed, open(message.maxLineBytes));
			break;
		case 'chunk': {
			arrivalMs = message.arrivalMs;
			const {bytes} = message;
			splitters.get(message.feed)?.push(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
			flush(message.feed, bytes.byteLength);
			break;
		}
		case 'end':
			arrivalMs = message.arrivalMs;
			splitters.get(message.feed)?.end();
			flush(message.feed, 0);
			break;
		case 'reset':
			splitters.get(message.feed)?.reset();
			break;
		case 'status':
			send(message);
			break;
	}
}

port?.on('message', handle);
