/**
 * The few extension APIs tests call inside extension pages (`page.evaluate`), typed here so
 * the suite needs no full Chrome typings. Application code goes through src/platform instead.
 */
declare const chrome: {
  tabs: {
    query(query: { url?: string; active?: boolean; currentWindow?: boolean }): Promise<{ id?: number; url?: string }[]>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
  runtime: { sendMessage(message: unknown): Promise<unknown>; sendMessage(extensionId: string, message: unknown): Promise<unknown> };
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
};
