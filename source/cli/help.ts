// The --help text. The README's "CLI" section carries it verbatim (a test compares them).

export const HELP_TEXT = `
	Live terminal monitor for LLM applications: latency, cost, quality, features,
	alerts and traces from a stream of JSON events, one per line.

	Usage
	  $ llmmon watch [FILE...]    Live dashboard of stdin (when piped) or FILEs
	  $ llmmon report [FILE...]   Read to the end, print one snapshot, exit
	  $ llmmon demo               Write a synthetic event stream to stdout
	  A FILE named - is stdin.

	Options
	  --window DURATION     Window shown: 1m, 5m, 15m or 1h (default 5m)
	  --tz ZONE             IANA time zone for days and months (default: system)
	  --day-start HH:MM     Local time the budget day starts (default 00:00)
	  --budget USD          Daily budget: gauge and budget alert
	  --monthly-budget USD  Monthly budget for the month projection
	  --prices FILE         Price table (LiteLLM JSON or llmmon format) used over
	                        the bundled one
	  --config FILE         JSON settings (the options above plus alerts, prices,
	                        model_aliases); flags override it
	  --reject-log FILE     Append every rejected line to FILE as JSON
	  --plain               watch: a summary line every 2 s, no dashboard
	                        (automatic when stdout is not a terminal)
	  --single-thread       Parse in the main thread (default: a worker thread
	                        parses stdin and FILEs on a second core)
	  --follow, -f          watch: keep reading FILEs as they grow, like tail -F
	  --demo                watch: the built-in demo stream (budgets default to
	                        $50/day and $1500/month)
	  --json                report: print the snapshot as JSON
	  --at TIME             report: snapshot time, ISO 8601 with an offset or
	                        epoch ms (default: the latest event time)
	  --rate N              demo, watch --demo: lines per second (default 20)
	  --seed N              demo, watch --demo: random seed (default 42)
	  --duration DURATION   demo: stop after e.g. 30s or 5m (default: never)
	  --no-backfill         demo: skip the past 7 days written first
	  --help                Show this help
	  --version             Show the version

	Keys (watch)
	  Tab/Shift-Tab focus, w window, p pause, s sort features, r rejects,
	  ? help, q quit. With stdin piped, keys come from the terminal (/dev/tty).

	Exit status
	  0 done, 2 bad usage (one line on stderr: llmmon: <what is wrong>),
	  1 an input could not be read to its end (report)

	Examples
	  $ llmmon watch --demo
	  $ tail -F app.ndjson | llmmon watch --tz Europe/Berlin --budget 200
	  $ ssh -n host tail -F /var/log/llm.ndjson | llmmon watch
	  $ llmmon watch --follow /var/log/llm.ndjson --window 15m
	  $ llmmon report --json --window 1h events.ndjson
	  $ llmmon demo --duration 10s | llmmon report
`;
