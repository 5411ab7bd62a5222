// `npm run bench` entry point (package.json maps it here); the runner is bench.mjs.
import './bench.mjs';
