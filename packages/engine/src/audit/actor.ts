// Who did something: recorded with every action (order timeline, audit trail). A closed set of
// shapes so the timeline can say "you", "an agent called <name>" or "the API token" reliably.
export type ActorName = 'owner' | 'admin-token' | 'cli' | `agent:${string}`;

const AGENT = /^agent:[a-z0-9][a-z0-9._-]{0,63}$/;

export function isActorName(value: string): value is ActorName {
  return value === 'owner' || value === 'admin-token' || value === 'cli' || AGENT.test(value);
}

/** The actor of an agent token called `name`. */
export function agentActor(name: string): ActorName {
  const actor = `agent:${name}`;
  if (!isActorName(actor)) throw new RangeError(`not a valid agent token name: ${JSON.stringify(name)}`);
  return actor;
}
