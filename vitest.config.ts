import {defineConfig} from 'vitest/config';

export default defineConfig({
	// Tests run React in production mode like the shipped binary (dev builds record a performance
	// entry per render and leak); the JSX transform must then use the production runtime too.
	oxc: {jsx: {runtime: 'automatic', development: false}},
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		environment: 'node',
		pool: 'forks',
		testTimeout: 20_000,
		hookTimeout: 20_000,
		env: {NODE_ENV: 'production'},
	},
});
