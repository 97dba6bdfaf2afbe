import type { BlockList } from 'node:net';
import type { Logger } from 'pino';
import type { Database } from '../db/client.ts';
import type { ListenFacts } from '../devices/endpoints.ts';
import type { Role, User } from '../db/schema.ts';
import type { PressRules } from '../domain/press-decision.ts';
import type { EventBus } from '../events/bus.ts';
import type { TicketDeps } from '../tickets/deps.ts';
import type { MetricsSource } from './routes/metrics.ts';

/** What routes get from the composition root. */
export type AppDeps = {
  database: Database;
  bus: EventBus;
  log: Logger;
  rules: PressRules;
  version: string;
  gatewayToken?: string | undefined;
  secureCookies: boolean;
  /** TRUSTED_PROXIES, parsed; null: believe no `X-Forwarded-For`. */
  trustedProxies?: BlockList | null;
  now: () => Date;
  /** Broker status for /api/health; absent in a split server. */
  brokerStatus?: () => 'ok' | 'down';
  /** Disconnect a device now (disabled, secret rotated); in-process gateway only. */
  kickDevice?: (deviceId: string) => void;
  /** Where this process listens, once it does (the device credentials page shows the broker's addresses). */
  listenFacts?: () => ListenFacts | null;
  /** The in-process broker's counters for /metrics; absent in a split server. */
  broker?: MetricsSource;
  /** Runtime of the ticket verbs (scheduler wake-up, LED downlinks, windows). */
  tickets: TicketDeps;
};

/** An API token acts with its role, narrowed by its scopes (design §6). */
export type TokenPrincipal = { id: string; name: string; role: Role; scopes: string[] };
export type Principal = { kind: 'user'; user: User } | { kind: 'token'; token: TokenPrincipal } | { kind: 'gateway' };

export type AppEnv = { Variables: { requestId: string; principal: Principal | null; deps: AppDeps } };
