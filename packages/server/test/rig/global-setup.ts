import { rigCommand } from './rig.ts';

/** Starts the rig (PostgreSQL primary + replica, two API nodes, HAProxy) once for the rig tests. */
export async function setup(): Promise<void> {
  await rigCommand('start');
}

export async function teardown(): Promise<void> {
  await rigCommand('stop');
}
