import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { commands } from '../../../src/commands/index.js';
import { BOT_EVENTS, BOT_SCOPES, buildManifest } from '../../../src/platforms/slack/manifest.js';

const run = promisify(execFile);

describe('Slack app manifest', () => {
  it('lists the slash commands with their request URL, the scopes and interactivity (HTTP mode)', () => {
    const manifest = buildManifest({ commands, mode: 'http', url: 'https://news.example.org' }) as {
      features: { slash_commands: { command: string; url: string; usage_hint: string; description: string }[] };
      oauth_config: { scopes: { bot: string[] } };
      settings: { interactivity: { is_enabled: boolean; request_url: string }; socket_mode_enabled: boolean };
    };
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual(['/digest', '/article', '/summary', '/newsdigest']);
    for (const command of manifest.features.slash_commands) {
      expect(command.url).toBe('https://news.example.org/slack/events');
      expect(command.description.length).toBeGreaterThan(0);
    }
    expect(manifest.features.slash_commands[0]!.usage_hint).toBe('[today|yesterday|N] [share]');
    expect(manifest.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['chat:write', 'commands', 'channels:history', 'users:read']));
    expect(manifest.settings.interactivity).toEqual({ is_enabled: true, request_url: 'https://news.example.org/slack/events' });
    expect(manifest.settings.socket_mode_enabled).toBe(false);
  });

  it('lists the "Add to Slack" redirect URL and the uninstall events', () => {
    const manifest = buildManifest({ commands, mode: 'http', url: 'https://news.example.org/news' }) as {
      oauth_config: { redirect_urls: string[] };
      settings: { event_subscriptions: { request_url: string; bot_events: string[] } };
    };
    expect(manifest.oauth_config.redirect_urls).toEqual(['https://news.example.org/news/slack/oauth_redirect']);
    expect(manifest.settings.event_subscriptions).toEqual({
      request_url: 'https://news.example.org/news/slack/events',
      bot_events: ['app_uninstalled', 'tokens_revoked'],
    });
    // Socket Mode gets the events over its socket; without an address there is no redirect URL to list.
    const socket = buildManifest({ commands, mode: 'socket' }) as { oauth_config: object; settings: { event_subscriptions: object } };
    expect(socket.oauth_config).not.toHaveProperty('redirect_urls');
    expect(socket.settings.event_subscriptions).toEqual({ bot_events: [...BOT_EVENTS] });
  });

  it('keeps a path prefix of the public address', () => {
    const manifest = buildManifest({ commands, mode: 'http', url: 'https://example.org/news' }) as {
      settings: { interactivity: { request_url: string } };
    };
    expect(manifest.settings.interactivity.request_url).toBe('https://example.org/news/slack/events');
  });

  it('needs no URL in Socket Mode', () => {
    const manifest = buildManifest({ commands, mode: 'socket' }) as { settings: Record<string, unknown>; features: { slash_commands: object[] } };
    expect(manifest.settings).toMatchObject({ socket_mode_enabled: true, interactivity: { is_enabled: true } });
    for (const command of manifest.features.slash_commands) expect(command).not.toHaveProperty('url');
  });

  it('explains a missing or plain-http address', () => {
    expect(() => buildManifest({ commands, mode: 'http' })).toThrow(/needs a public https address in HTTP mode: pass --url/);
    expect(() => buildManifest({ commands, mode: 'http', url: 'http://news.example.org' })).toThrow('--url "http://news.example.org" must use https');
    expect(() => buildManifest({ commands, mode: 'http', url: 'news' })).toThrow('--url "news" is not a URL');
  });

  // Starts the real CLI under tsx: slow on a busy machine, hence its own timeout.
  it('is printed by `newsdigest slack manifest`, taking the address from the config', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsdigest-slack-'));
    const config = join(dir, 'config.yaml');
    writeFileSync(config, 'slack:\n  mode: http\n  publicUrl: https://digest.example.net\n');
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/cli.ts', '--config', config, 'slack', 'manifest'], {
      cwd: process.cwd(),
    });
    const manifest = parse(stdout) as { oauth_config: { scopes: { bot: string[] } }; settings: { interactivity: { request_url: string } } };
    expect(manifest.settings.interactivity.request_url).toBe('https://digest.example.net/slack/events');
    expect(manifest.oauth_config.scopes.bot).toEqual([...BOT_SCOPES]);
  });
});
