// NDJSON framing (protocols.md §4.1): a hand-rolled Buffer splitter, the fastest option measured
// (performance.md §2). Over-long lines are discarded as they stream past, never buffered.

export const DEFAULT_MAX_LINE_BYTES = 1024 * 1024;
/** Characters kept from an over-long line for the reject sample. */
export const SAMPLE_CHARS = 200;
// Enough bytes for SAMPLE_CHARS characters of 4-byte UTF-8.
const SAMPLE_BYTES = SAMPLE_CHARS * 4;

const LF = 10;
const CR = 13;

export type LineSplitterOptions = {
	/** Longest accepted line in bytes, counted before the `\n` (a `\r` counts). */
	readonly maxLineBytes?: number;
	/** One non-blank line, `\r` and a leading BOM stripped. Must not throw. */
	readonly onLine: (line: string) => void;
	/** One line longer than maxLineBytes: its first SAMPLE_CHARS characters and its full byte length. Must not throw. */
	readonly onOverlong: (sample: string, bytes: number) => void;
};

export class LineSplitter {
	readonly maxLineBytes: number;
	readonly #onLine: (line: string) => void;
	readonly #onOverlong: (sample: string, bytes: number) => void;
	readonly #sampleLimit: number;
	/** Copies of the unterminated tail, so the caller may reuse its chunk buffers. */
	#pending: Buffer[] = [];
	#pendingBytes = 0;
	#discarding = false;
	#discardedBytes = 0;
	#sample: Buffer[] = [];
	#sampleBytes = 0;
	/** The next line is the first of the stream (BOM check). */
	#first = true;

	constructor(options: LineSplitterOptions) {
		const max = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
		this.maxLineBytes = Number.isSafeInteger(max) && max > 0 ? max : DEFAULT_MAX_LINE_BYTES;
		this.#onLine = options.onLine;
		this.#onOverlong = options.onOverlong;
		this.#sampleLimit = Math.min(SAMPLE_BYTES, this.maxLineBytes);
	}

	/** Bytes held for the current partial line (its tail, or the sample of a line being discarded). Never above maxLineBytes. */
	get bufferedBytes(): number {
		return this.#pendingBytes + this.#sampleBytes;
	}

	push(chunk: Buffer): void {
		const length = chunk.length;
		let start = 0;
		while (start < length) {
			const nl = chunk.indexOf(LF, start);
			if (nl === -1) {
				this.#keepTail(chunk, start, length);
				return;
			}
			if (this.#discarding) {
				this.#addSample(chunk, start, nl);
				this.#discardedBytes += nl - start;
				this.#finishOverlong();
			} else if (this.#pendingBytes === 0) {
				if (nl - start > this.maxLineBytes) {
					this.#addSample(chunk, start, nl);
					this.#discardedBytes = nl - start;
					this.#finishOverlong();
				} else {
					this.#emit(chunk, start, nl);
				}
			} else if (this.#pendingBytes + (nl - start) > this.maxLineBytes) {
				this.#startDiscard(chunk, start, nl);
				this.#finishOverlong();
			} else {
				this.#pending.push(chunk.subarray(start, nl));
				const line = Buffer.concat(this.#pending, this.#pendingBytes + (nl - start));
				this.#pending = [];
				this.#pendingBytes = 0;
				this.#emit(line, 0, line.length);
			}
			start = nl + 1;
		}
	}

	/** Flushes a final line without a newline. The splitter is then ready for a new stream. */
	end(): void {
		if (this.#discarding) {
			this.#finishOverlong();
		} else if (this.#pendingBytes > 0) {
			const line = Buffer.concat(this.#pending, this.#pendingBytes);
			this.#pending = [];
			this.#pendingBytes = 0;
			this.#emit(line, 0, line.length);
		}
		this.#first = true;
	}

	/** Forgets any partial line without emitting it (the file under it was truncated). */
	reset(): void {
		this.#pending = [];
		this.#pendingBytes = 0;
		this.#discarding = false;
		this.#discardedBytes = 0;
		this.#sample = [];
		this.#sampleBytes = 0;
		this.#first = true;
	}

	#keepTail(chunk: Buffer, start: number, end: number): void {
		const n = end - start;
		if (this.#discarding) {
			this.#addSample(chunk, start, end);
			this.#discardedBytes += n;
		} else if (this.#pendingBytes + n > this.maxLineBytes) {
			this.#startDiscard(chunk, start, end);
		} else {
			this.#pending.push(Buffer.from(chunk.subarray(start, end)));
			this.#pendingBytes += n;
		}
	}

	/** Moves the pending tail into the sample and switches to discarding. */
	#startDiscard(chunk: Buffer, start: number, end: number): void {
		for (const part of this.#pending) this.#addSample(part, 0, part.length);
		this.#addSample(chunk, start, end);
		this.#discardedBytes = this.#pendingBytes + (end - start);
		this.#pending = [];
		this.#pendingBytes = 0;
		this.#discarding = true;
	}

	#addSample(buffer: Buffer, start: number, end: number): void {
		const room = this.#sampleLimit - this.#sampleBytes;
		if (room <= 0) return;
		const take = Math.min(room, end - start);
		this.#sample.push(Buffer.from(buffer.subarray(start, start + take)));
		this.#sampleBytes += take;
	}

	#finishOverlong(): void {
		let from = 0;
		const sampleBuffer = Buffer.concat(this.#sample, this.#sampleBytes);
		if (this.#first && hasBom(sampleBuffer, 0, sampleBuffer.length)) from = 3;
		const bytes = this.#discardedBytes;
		this.#discarding = false;
		this.#discardedBytes = 0;
		this.#sample = [];
		this.#sampleBytes = 0;
		this.#first = false;
		this.#onOverlong(sampleBuffer.toString('utf8', from).slice(0, SAMPLE_CHARS), bytes);
	}

	#emit(buffer: Buffer, start: number, end: number): void {
		if (end > start && buffer[end - 1] === CR) end--;
		if (this.#first) {
			this.#first = false;
			if (hasBom(buffer, start, end)) start += 3;
		}
		if (end === start) return;
		const line = buffer.toString('utf8', start, end);
		// JSON objects start with `{`; anything else gets the (rarer) blank check.
		if (line.charCodeAt(0) !== 123 && line.trim() === '') return;
		this.#onLine(line);
	}
}

function hasBom(buffer: Buffer, start: number, end: number): boolean {
	return end - start >= 3 && buffer[start] === 0xef && buffer[start + 1] === 0xbb && buffer[start + 2] === 0xbf;
}
