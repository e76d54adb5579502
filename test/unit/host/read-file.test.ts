import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { MAX_SETTINGS_FILE_BYTES, openRegularFile, readRegularFile } from '../../../server/src/host/read-file';
import { describeFsError } from '../../../server/src/host/fs-errors';

const messageOf = (read: () => unknown): string => {
  try {
    read();
  } catch (error) {
    return describeFsError(error);
  }
  return 'read';
};

test('readRegularFile reads a regular file and refuses, with a plain message, a folder, a device, a named pipe and a file over its limit', { skip: process.platform === 'win32' ? 'no /dev/zero or named pipes' : false, timeout: 30_000 }, () => {
  const folder = mkdtempSync(join(tmpdir(), 'imr-read-'));
  try {
    writeFileSync(join(folder, 'a.json'), '{"rules":{}}');
    assert.equal(readRegularFile(join(folder, 'a.json'), 100).toString('utf8'), '{"rules":{}}');
    assert.equal(messageOf(() => readRegularFile(join(folder, 'a.json'), 5)), 'larger than 0 MB; not read');
    writeFileSync(join(folder, 'big.json'), '');
    truncateSync(join(folder, 'big.json'), MAX_SETTINGS_FILE_BYTES + 1);
    assert.equal(messageOf(() => readRegularFile(join(folder, 'big.json'), MAX_SETTINGS_FILE_BYTES)), 'larger than 16 MB; not read');
    assert.equal(messageOf(() => readRegularFile(folder, 100)), 'is a folder');
    assert.equal(messageOf(() => readRegularFile('/dev/zero', 100)), 'not a regular file (a device, pipe or socket)');
    spawnSync('mkfifo', [join(folder, 'pipe')]);
    assert.equal(messageOf(() => readRegularFile(join(folder, 'pipe'), 100)), 'not a regular file (a device, pipe or socket)');
    assert.equal(messageOf(() => readRegularFile(join(folder, 'missing'), 100)), 'no such file or folder');
    symlinkSync(join(folder, 'missing'), join(folder, 'dangling'));
    assert.equal(messageOf(() => readRegularFile(join(folder, 'dangling'), 100)), 'a symbolic link to a file that does not exist');
    symlinkSync('loop', join(folder, 'loop'));
    assert.equal(messageOf(() => readRegularFile(join(folder, 'loop'), 100)), 'a loop of symbolic links');
    assert.equal(openRegularFile(join(folder, 'pipe')), null);
    assert.equal(openRegularFile('/dev/zero'), null);
    assert.equal(openRegularFile(folder), null);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
