// The docs give no deep-link format for an agent, so the URL comes from a setting with a placeholder.

/** The template with `{agentId}` replaced by the URL-encoded id, or why the template cannot be used. */
export function agentUrl(template: string, agentId: string): string | Error {
  if (!template.includes('{agentId}')) {
    return new Error(`The setting vogent.agentUrlTemplate must contain {agentId}; it is "${template}".`);
  }
  const url = template.split('{agentId}').join(encodeURIComponent(agentId));
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return new Error(`The setting vogent.agentUrlTemplate does not give a valid URL: "${template}".`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return new Error(`The setting vogent.agentUrlTemplate must be an http(s) URL; it is "${template}".`);
  }
  return url;
}
