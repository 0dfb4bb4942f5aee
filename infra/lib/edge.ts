import {
  ArnFormat,
  CrossStackReferences,
  ReferenceStrength,
  RemovalPolicy,
  Stack,
  type StackProps,
  Token,
} from 'aws-cdk-lib';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { CfnLoggingConfiguration, CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';

/** Per-IP limits of the web ACL, counted over a five-minute window. */
export const WAF_LIMITS = {
  windowSeconds: 300,
  /**
   * Every request (pages, scripts, API). A service's whole office shares one address; a person
   * working through a list at 12:00 makes a few hundred requests in five minutes at most.
   */
  perIp: 3000,
  /**
   * Requests to /api/auth/ (login, refresh, activation, password reset). An office of 30 renews
   * every 15 minutes and logs in now and then; a password-guessing script is stopped after 100.
   */
  authPerIp: 100,
} as const;

const AUTH_PATH = '/api/auth/';

const visibility = (metricName: string): CfnWebACL.VisibilityConfigProperty => ({
  cloudWatchMetricsEnabled: true,
  metricName,
  sampledRequestsEnabled: true,
});

/** A blocked caller gets 429 with a Dutch message in the API's error shape. */
const tooManyRequests: CfnWebACL.RuleActionProperty = {
  block: { customResponse: { responseCode: 429, customResponseBodyKey: 'too-many-requests' } },
};

/**
 * The web ACL in front of the school year's CloudFront distribution.
 *
 * An ACL with scope CLOUDFRONT can only be created in us-east-1, while the school year's stack
 * lives in its own region (eu-west-1). So the ACL gets this small stack of its own in us-east-1,
 * deployed with the school year (`cdk deploy --all`), and the distribution reads its ARN across
 * regions through CloudFormation's Fn::GetStackOutput (a weak reference: no custom resources or
 * exports, the school-year stack depends on this one). One ACL per school year, like everything
 * else, so an old year can be removed whole.
 *
 * Its logs are the edge's access log (CloudFront's own standard logs are off, because they always
 * contain the query string and Referer): every request with the rule that decided it, but with the
 * query string and the Authorization, Cookie and Referer headers redacted, so neither tokens from
 * mail links nor session cookies or access tokens are ever written down.
 */
export class EdgeStack extends Stack {
  readonly webAcl: CfnWebACL;

  constructor(scope: Construct, id: string, props: StackProps & { schoolYear: string }) {
    super(scope, id, props);
    if (Token.isUnresolved(this.region) || this.region !== 'us-east-1') {
      throw new Error('A web ACL for CloudFront must be created in us-east-1: deploy the edge stack there');
    }

    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      name: `stagematching-${props.schoolYear}`,
      description: `Stagematching ${props.schoolYear}: per-IP rate limits and AWS common rules`,
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: visibility('stagematching'),
      customResponseBodies: {
        'too-many-requests': {
          contentType: 'APPLICATION_JSON',
          content: JSON.stringify({
            error: 'TOO_MANY_REQUESTS',
            message: 'Te veel verzoeken vanaf dit adres. Probeer het over enkele minuten opnieuw.',
          }),
        },
      },
      rules: [
        {
          name: 'AuthRatePerIp',
          priority: 0,
          action: tooManyRequests,
          statement: {
            rateBasedStatement: {
              aggregateKeyType: 'IP',
              limit: WAF_LIMITS.authPerIp,
              evaluationWindowSec: WAF_LIMITS.windowSeconds,
              scopeDownStatement: {
                byteMatchStatement: {
                  fieldToMatch: { uriPath: {} },
                  positionalConstraint: 'STARTS_WITH',
                  searchString: AUTH_PATH,
                  textTransformations: [{ priority: 0, type: 'LOWERCASE' }],
                },
              },
            },
          },
          visibilityConfig: visibility('auth-rate-per-ip'),
        },
        {
          name: 'RatePerIp',
          priority: 1,
          action: tooManyRequests,
          statement: {
            rateBasedStatement: {
              aggregateKeyType: 'IP',
              limit: WAF_LIMITS.perIp,
              evaluationWindowSec: WAF_LIMITS.windowSeconds,
            },
          },
          visibilityConfig: visibility('rate-per-ip'),
        },
        {
          // Bad inputs, oversized bodies, known exploit patterns. The app's requests are small
          // JSON bodies and plain query strings, which these rules leave alone.
          name: 'AwsCommonRules',
          priority: 2,
          overrideAction: { none: {} },
          statement: {
            managedRuleGroupStatement: { vendorName: 'AWS', name: 'AWSManagedRulesCommonRuleSet' },
          },
          visibilityConfig: visibility('aws-common-rules'),
        },
      ],
    });
    CrossStackReferences.of(this.webAcl).produce(ReferenceStrength.WEAK);

    // WAF only logs to CloudWatch log groups whose name starts with aws-waf-logs-.
    const logGroupName = `aws-waf-logs-stagematching-${props.schoolYear}`;
    const logs = new LogGroup(this, 'Logs', {
      logGroupName,
      retention: RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const logging = new CfnLoggingConfiguration(this, 'Logging', {
      resourceArn: this.webAcl.attrArn,
      // The log group's ARN without the `:*` suffix that LogGroup.logGroupArn carries.
      logDestinationConfigs: [
        this.formatArn({
          service: 'logs',
          resource: 'log-group',
          resourceName: logGroupName,
          arnFormat: ArnFormat.COLON_RESOURCE_NAME,
        }),
      ],
      redactedFields: [
        { queryString: {} },
        { singleHeader: { Name: 'authorization' } },
        { singleHeader: { Name: 'cookie' } },
        { singleHeader: { Name: 'referer' } },
      ],
    });
    logging.node.addDependency(logs);
  }
}
