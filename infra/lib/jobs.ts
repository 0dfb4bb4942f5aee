import type { Duration } from 'aws-cdk-lib';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Construct } from 'constructs';
import type { Resource } from '#http/route-types';
import type { FunctionAccess } from './grants';

/**
 * A background function that no API route calls: started by a schedule (round mailings) or by
 * another function (exports). Like a route, it declares what it touches and gets only that.
 */
export interface JobDef {
  /** Stable identifier; names the function, and schedules target the job by it. */
  readonly id: string;
  /** Entry file, relative to the repository root, exporting `handler`. */
  readonly entry: string;
  readonly description: string;
  readonly resources: readonly Resource[];
  readonly timeout?: Duration;
}

/** The job that builds export files; the routes with `exports:start` invoke it. */
export const EXPORT_JOB_ID = 'export';

const pascal = (id: string) => id.replace(/(^|[-_])(\w)/g, (_, __, c: string) => c.toUpperCase());

/**
 * One Lambda per job definition, with the settings of its declared resources and the shared role
 * of its permission set.
 */
export class Jobs extends Construct {
  readonly functions = new Map<string, NodejsFunction>();

  constructor(scope: Construct, id: string, props: { jobs: readonly JobDef[]; access: FunctionAccess }) {
    super(scope, id);
    for (const job of props.jobs) {
      if (this.functions.has(job.id)) throw new Error(`Two jobs are called ${job.id}`);
      const fn = props.access.productFunction(this, pascal(job.id), {
        entry: job.entry,
        description: job.description,
        timeout: job.timeout,
        resources: job.resources,
      });
      this.functions.set(job.id, fn);
    }
  }
}
