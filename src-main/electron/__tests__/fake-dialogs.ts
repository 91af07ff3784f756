import type { Dialogs } from '../file-dialogs';

type OpenOptions = Parameters<Dialogs['showOpenDialog']>[0];
type SaveOptions = Parameters<Dialogs['showSaveDialog']>[0];

/** Dialogs that answer from a script and remember what they were asked. */
export function fakeDialogs(answers: { open?: (string | null)[]; save?: (string | null)[] } = {}) {
  const open = [...(answers.open ?? [])];
  const save = [...(answers.save ?? [])];
  const asked = { open: [] as OpenOptions[], save: [] as SaveOptions[] };
  const dialogs: Dialogs = {
    showOpenDialog: async (options) => {
      asked.open.push(options);
      const answer = open.shift();
      if (answer === undefined) throw new Error('unexpected open dialog');
      return answer === null ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [answer] };
    },
    showSaveDialog: async (options) => {
      asked.save.push(options);
      const answer = save.shift();
      if (answer === undefined) throw new Error('unexpected save dialog');
      return answer === null ? { canceled: true } : { canceled: false, filePath: answer };
    },
  };
  return { dialogs, asked };
}
