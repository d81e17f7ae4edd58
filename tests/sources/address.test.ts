import { describe, expect, it } from 'vitest';
import { classifyAddress, refusalReason } from '../../src/sources/address.js';

describe('classifyAddress', () => {
  it.each([
    ['93.184.215.14', 'public'],
    ['2606:2800:21f:cb07:6820:80da:af6b:8b2c', 'public'],
    ['127.0.0.1', 'loopback'],
    ['127.53.0.9', 'loopback'],
    ['::1', 'loopback'],
    ['10.0.0.5', 'private'],
    ['172.16.3.4', 'private'],
    ['192.168.1.1', 'private'],
    ['fd12:3456::1', 'private'],
    ['169.254.10.20', 'link-local'],
    ['fe80::1', 'link-local'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['169.254.169.254', 'metadata'],
    ['fd00:ec2::254', 'metadata'],
    ['::ffff:169.254.169.254', 'metadata'],
    ['::ffff:10.0.0.5', 'private'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['192.0.2.1', 'reserved'],
    ['64:ff9b::a00:5', 'reserved'],
    ['not-an-ip', 'invalid'],
  ] as const)('%s is %s', (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
  });
});

describe('refusalReason', () => {
  it('lets public addresses through and names what it refuses', () => {
    expect(refusalReason('93.184.215.14', 443)).toBeNull();
    expect(refusalReason('10.0.0.5', 80)).toBe('a private address: newsdigest only fetches public addresses');
    expect(refusalReason('169.254.169.254', 80)).toBe('a cloud metadata address: newsdigest only fetches public addresses');
  });

  it('allows loopback only when asked, optionally only on some ports', () => {
    expect(refusalReason('127.0.0.1', 8080)).not.toBeNull();
    expect(refusalReason('127.0.0.1', 8080, { allowLoopback: true })).toBeNull();
    expect(refusalReason('127.0.0.1', 8080, { allowLoopback: { ports: [8080] } })).toBeNull();
    expect(refusalReason('127.0.0.1', 9090, { allowLoopback: { ports: [8080] } })).not.toBeNull();
    // Allowing loopback never opens private or metadata addresses.
    expect(refusalReason('169.254.169.254', 80, { allowLoopback: true })).not.toBeNull();
    expect(refusalReason('192.168.0.1', 80, { allowLoopback: true })).not.toBeNull();
  });
});
