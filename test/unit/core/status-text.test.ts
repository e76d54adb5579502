import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeStatus } from '../../../client/src/status-text';

test('the status bar counts items, Upheld and Overturned, and the open findings', () => {
  assert.deepEqual(describeStatus({ items: 3, upheld: 2, overturned: 1, undecided: 0 }, 4), {
    text: '$(law) 3 items: 2 Upheld, 1 Overturned · $(warning) 4 findings',
    tooltip: 'IMR letter: 3 disputed items (2 Upheld, 1 Overturned); 4 findings in the Problems panel. Click to open the Outline.',
  });
  assert.equal(describeStatus({ items: 1, upheld: 0, overturned: 0, undecided: 1 }, 1).text, '$(law) 1 item: 0 Upheld, 0 Overturned, 1 undecided · $(warning) 1 finding');
  assert.equal(describeStatus({ items: 0, upheld: 0, overturned: 0, undecided: 0 }, 0).text, '$(law) no disputed items · $(check) no findings');
  // Before the server answers (or while it restarts), the findings alone.
  assert.equal(describeStatus(null, 2).text, '$(law) $(warning) 2 findings');
});
