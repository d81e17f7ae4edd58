import ipaddr from 'ipaddr.js';

/**
 * The address guard: newsdigest fetches only public addresses, so a feed URL (or a redirect, or a
 * DNS answer) can never make it reach the machine itself, the local network or a cloud metadata
 * service. Checked on the address actually connected to, after DNS resolution, on every hop.
 */
export type AddressKind =
  | 'public'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'carrier-grade NAT'
  | 'multicast'
  | 'unspecified'
  | 'metadata'
  | 'reserved'
  | 'invalid';

/** Cloud instance metadata endpoints (AWS, GCP, Azure, OpenStack; AWS's IPv6 one). */
const metadataAddresses = new Set(['169.254.169.254', 'fd00:ec2::254', '100.100.100.200']);

/** ipaddr.js range names that are public unicast space (anycast AS112 and AMT relays included). */
const publicRanges = new Set(['unicast', 'as112', 'as112v6', 'amt']);

const rangeKinds: Record<string, AddressKind> = {
  loopback: 'loopback',
  private: 'private',
  uniqueLocal: 'private',
  deprecatedSiteLocal: 'private',
  linkLocal: 'link-local',
  carrierGradeNat: 'carrier-grade NAT',
  multicast: 'multicast',
  broadcast: 'multicast',
  unspecified: 'unspecified',
};

/** Classifies one IP address (v4 or v6, IPv4-mapped v6 read as v4). */
export function classifyAddress(address: string): AddressKind {
  if (!ipaddr.isValid(address)) return 'invalid';
  // process() turns ::ffff:10.0.0.5 into 10.0.0.5, so a mapped address is judged as what it is.
  const parsed = ipaddr.process(address);
  if (metadataAddresses.has(parsed.toNormalizedString()) || metadataAddresses.has(parsed.toString())) return 'metadata';
  const range = parsed.range();
  if (publicRanges.has(range)) return 'public';
  // Everything else (documentation, benchmarking, 6to4/Teredo/NAT64 that can wrap a private v4…)
  return rangeKinds[range] ?? 'reserved';
}

/** Words for an error message: "a private address", "a cloud metadata address". */
export function describeKind(kind: AddressKind): string {
  switch (kind) {
    case 'metadata':
      return 'a cloud metadata address';
    case 'unspecified':
      return 'an unspecified address';
    case 'invalid':
      return 'an invalid address';
    default:
      return `a ${kind} address`;
  }
}

export interface AddressPolicy {
  /**
   * Lets tests reach servers on 127.0.0.1: `true` allows every loopback address, `{ ports }` only
   * those ports (so a test can check that a redirect to another loopback port is refused).
   */
  allowLoopback?: boolean | { ports: number[] };
}

/** Why `address` may not be fetched, or null when it may. */
export function refusalReason(address: string, port: number, policy: AddressPolicy = {}): string | null {
  const kind = classifyAddress(address);
  if (kind === 'public') return null;
  if (kind === 'loopback' && policy.allowLoopback) {
    if (policy.allowLoopback === true || policy.allowLoopback.ports.includes(port)) return null;
  }
  return `${describeKind(kind)}: newsdigest only fetches public addresses`;
}
