import { withContentSecurityPolicy } from './content-security-policy';
import { isAllowedRequest, isPermissionAllowed, type RequestPolicy } from './request-policy';

/** The parts of an Electron Session this module configures. */
export interface SessionLike {
  readonly webRequest: {
    onBeforeRequest(
      listener: (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void,
    ): void;
    onHeadersReceived(
      listener: (
        details: { url: string; responseHeaders?: Record<string, string[]> },
        callback: (response: { responseHeaders?: Record<string, string[] | string> }) => void,
      ) => void,
    ): void;
  };
  setPermissionRequestHandler(
    handler: (
      webContents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
      details: { requestingUrl?: string },
    ) => void,
  ): void;
  setPermissionCheckHandler(
    handler: (
      webContents: { getURL(): string } | null,
      permission: string,
      requestingOrigin: string,
      details: { requestingUrl?: string },
    ) => boolean,
  ): void;
}

export interface SessionSecurity {
  readonly requests: RequestPolicy;
  /** The Content-Security-Policy put on every response. */
  readonly contentSecurityPolicy: string;
  /** Whether a URL is the app's own page (permissions are granted to nothing else). */
  readonly isAppUrl: (url: string) => boolean;
}

/**
 * Locks a session down: requests outside the allow-list are cancelled, every response carries the CSP, and
 * permission requests are refused except the clipboard for the app's own page.
 */
export function secureSession(session: SessionLike, security: SessionSecurity): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, security.requests) });
  });
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: withContentSecurityPolicy(details.responseHeaders, security.contentSecurityPolicy),
    });
  });
  session.setPermissionRequestHandler((_webContents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl ?? '', security.isAppUrl));
  });
  session.setPermissionCheckHandler((webContents, permission, _origin, details) =>
    isPermissionAllowed(permission, details.requestingUrl ?? webContents?.getURL() ?? '', security.isAppUrl),
  );
}
