#!/usr/bin/env node
// `imr-lint`: tunes the engine, then runs the CLI's bundle (dist/cli-main.js, from main.ts) with
// its compiled code cached between runs (compile-cache.ts).
import './engine-tuning';
import { join } from 'node:path';
import { runCompiled } from './compile-cache';

runCompiled(join(__dirname, 'cli-main.js'));
