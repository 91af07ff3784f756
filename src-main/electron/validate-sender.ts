/** The parts of Electron's WebFrameMain that identify a frame. */
export interface FrameLike {
  readonly url: string;
  readonly processId: number;
  readonly routingId: number;
  readonly parent?: FrameLike | null;
  readonly detached?: boolean;
}

/**
 * Whether an IPC message may be acted on: it must come from the main window's top frame (not an iframe, not another
 * window), and that frame must be showing the app's own page. A frame that navigated elsewhere keeps its ids, which
 * is why the URL is checked as well.
 */
export function validateSender(
  senderFrame: FrameLike | null | undefined,
  mainFrame: FrameLike | null | undefined,
  isAppUrl: (url: string) => boolean,
): boolean {
  if (!senderFrame || !mainFrame) return false;
  if (senderFrame.detached) return false;
  if (senderFrame.parent) return false;
  const sameFrame =
    senderFrame === mainFrame ||
    (senderFrame.processId === mainFrame.processId && senderFrame.routingId === mainFrame.routingId);
  return sameFrame && isAppUrl(senderFrame.url);
}
