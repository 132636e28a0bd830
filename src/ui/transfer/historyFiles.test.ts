import { describe, expect, it } from 'vitest';
import { historyCsv } from './historyFiles';

describe('historyCsv', () => {
  it('writes one row per batch, with the validation metrics on the last batch of each epoch', () => {
    const batches = [1, 2, 3, 4].map((step) => ({ step, loss: 1 / step, accuracy: step / 10 }));
    const epochs = [
      { epoch: 1, loss: 0.7, accuracy: 0.15, valLoss: 0.9, valAccuracy: 0.5, examplesPerSec: 10 },
      { epoch: 2, loss: 0.3, accuracy: 0.35, valLoss: null, valAccuracy: null, examplesPerSec: 10 },
    ];
    expect(historyCsv(batches, epochs, 2).split('\n')).toEqual([
      'step,epoch,loss,accuracy,val_loss,val_accuracy',
      '1,1,1,0.1,,',
      '2,1,0.5,0.2,0.9,0.5',
      '3,2,0.3333333333333333,0.3,,',
      '4,2,0.25,0.4,,',
      '',
    ]);
  });

  it('leaves non-finite values empty', () => {
    expect(historyCsv([{ step: 1, loss: Infinity, accuracy: 0 }], [], 1)).toBe('step,epoch,loss,accuracy,val_loss,val_accuracy\n1,1,,0,,\n');
  });
});
