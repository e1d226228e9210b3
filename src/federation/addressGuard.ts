import { lookup as dnsLookup } from 'node:dns/promises';
import { AtlasError, isAtlasError } from '../errors.js';
import { checkUrl, type LookupFunction } from '../harvest/index.js';

/** Which addresses federated queries may reach. */
export interface AddressPolicy {
  /** Allow loopback, private, link-local and other non-public addresses (default false). */
  allowPrivateNetwork?: boolean | undefined;
  /** DNS resolution (every address of a name); default `dns.promises.lookup` with `all: true`. */
  lookup?: LookupFunction | undefined;
  /** How to lift the refusal, appended to its message (e.g. the flag or setting to use). */
  hint?: string | undefined;
}

const defaultLookup: LookupFunction = (host) => dnsLookup(host, { all: true, verbatim: true });

/** Redirects a guarded fetch follows, each one checked like the first URL. */
const maxRedirects = 5;
const redirectStatuses = new Set([301, 302, 303, 307, 308]);

/**
 * Refuses `url` unless it is http(s) and its host (every address it resolves to, IPv4-mapped IPv6 included) is on
 * the public internet, or the policy allows private networks: `AtlasError('FORBIDDEN')` naming the URL and the
 * address (the checks of src/harvest); a name that does not resolve -> `AtlasError('UNAVAILABLE')`.
 */
export async function checkSourceUrl(url: string, policy: AddressPolicy): Promise<void> {
  const parsed = new URL(url);
  try {
    await checkUrl(parsed, {
      lookup: policy.lookup ?? defaultLookup,
      allowPrivateNetwork: policy.allowPrivateNetwork === true,
    });
  } catch (error) {
    if (!isAtlasError(error, 'FORBIDDEN')) throw error;
    const address = error.context['address'];
    const why =
      typeof address === 'string'
        ? `resolves to a private, loopback, link-local or reserved address (${address})`
        : 'is not an http(s) URL';
    throw new AtlasError(
      'FORBIDDEN',
      `federated source ${parsed.href} ${why}; it was not contacted${policy.hint ? `. ${policy.hint}` : ''}`,
      { context: { ...error.context, source: parsed.href }, cause: error },
    );
  }
}

/**
 * A `fetch` for comunica that checks every URL it is asked for against the policy, and follows redirects by hand,
 * checking each hop, so a source cannot redirect the server to an internal address.
 */
export function guardedFetch(policy: AddressPolicy): typeof fetch {
  return async (input, init) => {
    let url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    let method = (init?.method ?? 'GET').toUpperCase();
    let body = init?.body ?? undefined;
    for (let redirects = 0; ; redirects++) {
      await checkSourceUrl(url, policy);
      const response = await fetch(url, {
        ...init,
        method,
        redirect: 'manual',
        ...(body === undefined ? { body: null } : { body }),
      });
      const location = response.headers.get('location');
      if (!redirectStatuses.has(response.status) || location === null) return response;
      await response.body?.cancel();
      if (redirects >= maxRedirects)
        throw new AtlasError('UNAVAILABLE', `${url}: more than ${maxRedirects} redirects`, {
          context: { url },
        });
      url = new URL(location, url).href;
      if (response.status === 303 || (response.status <= 302 && method === 'POST')) {
        method = 'GET';
        body = undefined;
      } else if (body !== undefined && typeof body !== 'string' && !(body instanceof URLSearchParams)) {
        throw new AtlasError('UNAVAILABLE', `${url}: cannot resend a streamed request body on a redirect`, {
          context: { url },
        });
      }
    }
  };
}
