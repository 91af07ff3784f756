import { describe, expect, it, vi } from 'vitest';
import type { HostCommand } from '../../../src-core/host';
import { closeAction, closeChoiceFromResponse, CLOSE_PROMPT, createCloseGuard } from '../close-guard';

describe('closeAction', () => {
  it('closes a clean document straight away, clearing the recovery file', () => {
    expect(closeAction(false)).toBe('clear-and-close');
  });

  it('asks about a dirty document and follows the answer', () => {
    expect(closeAction(true)).toBe('ask');
    expect(closeAction(true, 'save')).toBe('save-then-close');
    expect(closeAction(true, 'discard')).toBe('discard-and-close');
    expect(closeAction(true, 'cancel')).toBe('stay');
  });
});

describe('the close prompt', () => {
  it('asks in Chinese with 保存 / 不保存 / 取消, Esc meaning 取消', () => {
    expect(CLOSE_PROMPT.message).toBe('文件有未保存的修改，是否保存？');
    expect(CLOSE_PROMPT.buttons).toEqual(['保存', '不保存', '取消']);
    expect(CLOSE_PROMPT.buttons[CLOSE_PROMPT.cancelId]).toBe('取消');
    expect(CLOSE_PROMPT.buttons[CLOSE_PROMPT.defaultId]).toBe('保存');
  });

  it('maps button indexes, treating anything unexpected as 取消', () => {
    expect(closeChoiceFromResponse(0)).toBe('save');
    expect(closeChoiceFromResponse(1)).toBe('discard');
    expect(closeChoiceFromResponse(2)).toBe('cancel');
    expect(closeChoiceFromResponse(-1)).toBe('cancel');
  });
});

function setup(answer: number | Error = 2) {
  const sent: HostCommand[] = [];
  const deps = {
    ask: vi.fn(async () => {
      if (answer instanceof Error) throw answer;
      return answer;
    }),
    sendCommand: vi.fn((c: HostCommand) => void sent.push(c)),
    clearRecovery: vi.fn(async () => undefined),
    close: vi.fn(),
  };
  const guard = createCloseGuard(deps);
  // The window's close event: the guard's own close() goes through it again, as Electron's does.
  const closeEvent = () => {
    const event = { prevented: false, preventDefault: () => (event.prevented = true) };
    guard.onClose(event);
    return event;
  };
  deps.close.mockImplementation(() => {
    const again = closeEvent();
    if (again.prevented) throw new Error('the guard blocked its own close');
  });
  return { guard, deps, sent, closeEvent };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('createCloseGuard', () => {
  it('holds a clean close until the recovery file is cleared, then closes without asking', async () => {
    const { deps, closeEvent } = setup();
    expect(closeEvent().prevented).toBe(true);
    await settle();
    expect(deps.ask).not.toHaveBeenCalled();
    expect(deps.clearRecovery).toHaveBeenCalledOnce();
    expect(deps.close).toHaveBeenCalledOnce();
  });

  it('保存: asks the renderer to save and close, and keeps the window', async () => {
    const { guard, deps, sent, closeEvent } = setup(0);
    guard.setDirty(true);
    expect(closeEvent().prevented).toBe(true);
    await settle();
    expect(sent).toEqual([{ type: 'saveAndClose' }]);
    expect(deps.close).not.toHaveBeenCalled();
    expect(deps.clearRecovery).not.toHaveBeenCalled();
  });

  it('保存 then the renderer saved and called closeWindow: closes and clears the recovery file', async () => {
    const { guard, deps } = setup(0);
    guard.setDirty(true);
    guard.setDirty(false); // the save went through
    guard.closeNow();
    await settle();
    expect(deps.clearRecovery).toHaveBeenCalledOnce();
    expect(deps.close).toHaveBeenCalledOnce();
  });

  it('不保存: clears the recovery file and closes', async () => {
    const { guard, deps, closeEvent } = setup(1);
    guard.setDirty(true);
    closeEvent();
    await settle();
    expect(deps.clearRecovery).toHaveBeenCalledOnce();
    expect(deps.close).toHaveBeenCalledOnce();
  });

  it('取消: stays, and asks again next time', async () => {
    const { guard, deps, closeEvent } = setup(2);
    guard.setDirty(true);
    closeEvent();
    await settle();
    expect(deps.close).not.toHaveBeenCalled();
    expect(deps.clearRecovery).not.toHaveBeenCalled();
    closeEvent();
    await settle();
    expect(deps.ask).toHaveBeenCalledTimes(2);
  });

  it('asks only once while the question is open', async () => {
    const { guard, deps, closeEvent } = setup(2);
    guard.setDirty(true);
    closeEvent();
    closeEvent();
    await settle();
    expect(deps.ask).toHaveBeenCalledOnce();
  });

  it('stays if the question cannot be asked', async () => {
    const { guard, deps, closeEvent } = setup(new Error('no dialog'));
    guard.setDirty(true);
    closeEvent();
    await settle();
    expect(deps.close).not.toHaveBeenCalled();
  });

  it('closeWindow while still dirty closes but keeps the recovery file', async () => {
    const { guard, deps } = setup();
    guard.setDirty(true);
    guard.closeNow();
    await settle();
    expect(deps.close).toHaveBeenCalledOnce();
    expect(deps.clearRecovery).not.toHaveBeenCalled();
  });

  it('still closes when the recovery file cannot be removed', async () => {
    const { deps, closeEvent } = setup();
    deps.clearRecovery.mockRejectedValueOnce(new Error('EACCES'));
    closeEvent();
    await settle();
    expect(deps.close).toHaveBeenCalledOnce();
  });
});
