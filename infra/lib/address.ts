import {
  Annotations,
  CfnOutput,
  CrossStackReferences,
  CustomResource,
  Duration,
  Fn,
  ReferenceStrength,
  Stack,
  type StackProps,
} from 'aws-cdk-lib';
import { Certificate, CertificateValidation, type ICertificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  Function as CloudFrontFunction,
  Distribution,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { AaaaRecord, ARecord, HostedZone, type IHostedZone, RecordTarget } from 'aws-cdk-lib/aws-route53';
import { CloudFrontTarget } from 'aws-cdk-lib/aws-route53-targets';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';
import { CONTENT_SECURITY_POLICY, HSTS_SECONDS } from '#http/security-headers';
import { assertSchoolYear } from '#platform/table/table';
import { ORIGIN_HEADER } from '../../functions/edge/origin-verify';
import { EdgeStack } from './edge';
import { acknowledge } from './nag';
import { addressParameter } from './year-opening';

/**
 * The one address of the product (`-c domain=stagematching.example.be`), which outlives every
 * school year. Its distribution serves the current year's web app and API; switching to the next
 * year is a deploy of this stack with `-c currentYear=2027-2028`: CloudFront changes the origins of
 * the same distribution in place (the old configuration serves until the new one is out, so there
 * is no downtime), and deploying it again with the previous year rolls the switch back. Every
 * other year it is told about stays reachable at its own sub-domain (`2026-2027.<domain>`): an
 * archived year read-only for the sector until its retention ends, the next year for the admin
 * before the switch. Each year's own stack still has its *.cloudfront.net address.
 *
 * The stack reads how to reach a year from the SSM parameters that year's stack publishes
 * (`YearOpening`), so it needs no code change for a new year, only that year deployed first.
 */

export interface HostedZoneRef {
  id: string;
  name: string;
}

/** us-east-1: the address's web ACL (as every year has its own) and, with a hosted zone, its certificate. */
export class AddressEdgeStack extends EdgeStack {
  readonly certificateArn: string;

  constructor(
    scope: Construct,
    id: string,
    props: StackProps & { domain: string; certificateArn?: string; hostedZone?: HostedZoneRef },
  ) {
    // The web ACL's names carry "address" where a year's carry the year.
    super(scope, id, { ...props, schoolYear: 'address' });
    if (props.certificateArn) {
      this.certificateArn = props.certificateArn;
      return;
    }
    if (!props.hostedZone) {
      throw new Error(
        'A domain needs -c hostedZoneId=… (and hostedZoneName) or -c certificateArn=… (us-east-1)',
      );
    }
    const zone = HostedZone.fromHostedZoneAttributes(this, 'Zone', {
      hostedZoneId: props.hostedZone.id,
      zoneName: props.hostedZone.name,
    });
    // The address and every year's sub-domain (2026-2027.<domain>): one certificate.
    const certificate = new Certificate(this, 'Certificate', {
      domainName: props.domain,
      subjectAlternativeNames: [`*.${props.domain}`],
      validation: CertificateValidation.fromDns(zone),
    });
    CrossStackReferences.of(certificate).produce(ReferenceStrength.WEAK);
    this.certificateArn = certificate.certificateArn;
  }
}

export interface AddressProps extends StackProps {
  domain: string;
  /** The year the address serves. */
  currentYear: string;
  /** Other years reachable at `<year>.<domain>`. */
  otherYears: readonly string[];
  certificateArn: string;
  webAclArn: string;
  hostedZone?: HostedZoneRef;
}

export const stackNames = { platform: 'Stagematching-Platform', address: 'Stagematching-Address' } as const;

export class AddressStack extends Stack {
  readonly main: YearFront;
  readonly fronts = new Map<string, YearFront>();

  constructor(scope: Construct, id: string, props: AddressProps) {
    super(scope, id, props);
    assertSchoolYear(props.currentYear);
    const certificate = Certificate.fromCertificateArn(this, 'Certificate', props.certificateArn);
    const shared = sharedParts(this);
    const zone = props.hostedZone
      ? HostedZone.fromHostedZoneAttributes(this, 'Zone', {
          hostedZoneId: props.hostedZone.id,
          zoneName: props.hostedZone.name,
        })
      : undefined;

    // Its id never changes: switching years changes this distribution's origins, not the distribution.
    this.main = new YearFront(this, 'Main', {
      ...shared,
      schoolYear: props.currentYear,
      domainNames: [props.domain],
      certificate,
      webAclArn: props.webAclArn,
    });
    if (zone) aliasRecords(this, 'Main', zone, props.domain, this.main.distribution);
    new CfnOutput(this, 'AppUrl', { value: `https://${props.domain}/` });
    new CfnOutput(this, 'MainDistribution', { value: this.main.distribution.distributionDomainName });

    const years = [...new Set([props.currentYear, ...props.otherYears.map(assertSchoolYear)])].sort();
    for (const year of years) {
      const id = `Year${year.replace('-', '')}`;
      const front = new YearFront(this, id, {
        ...shared,
        schoolYear: year,
        domainNames: [`${year}.${props.domain}`],
        certificate,
        webAclArn: props.webAclArn,
      });
      this.fronts.set(year, front);
      if (zone) aliasRecords(this, id, zone, `${year}.${props.domain}`, front.distribution);
      new CfnOutput(this, `${id}Url`, { value: `https://${year}.${props.domain}/` });
    }

    // The switch opens the year at this address: a prepared year becomes current in the registry
    // and last year's data is carried over again (idempotent). One resource per year: switching
    // creates the new year's (its function runs) and drops the previous one's (nothing runs).
    new CustomResource(this, `Switch${props.currentYear.replace('-', '')}`, {
      serviceToken: StringParameter.valueForStringParameter(
        this,
        addressParameter(props.currentYear, 'open-year'),
      ),
      properties: { SchoolYear: props.currentYear, Switch: 'true' },
    });
  }
}

function aliasRecords(
  scope: Construct,
  id: string,
  zone: IHostedZone,
  name: string,
  distribution: Distribution,
) {
  const target = RecordTarget.fromAlias(new CloudFrontTarget(distribution));
  new ARecord(scope, `${id}A`, { zone, recordName: name, target });
  new AaaaRecord(scope, `${id}Aaaa`, { zone, recordName: name, target });
}

interface SharedParts {
  headers: ResponseHeadersPolicy;
  spaFallback: CloudFrontFunction;
}

/** The same security headers and app-route fallback as a year's own distribution (infra/lib/web.ts). */
function sharedParts(scope: Construct): SharedParts {
  const headers = new ResponseHeadersPolicy(scope, 'SecurityHeaders', {
    comment: 'Stagematching security headers (address)',
    securityHeadersBehavior: {
      contentSecurityPolicy: { contentSecurityPolicy: CONTENT_SECURITY_POLICY, override: true },
      strictTransportSecurity: {
        accessControlMaxAge: Duration.seconds(HSTS_SECONDS),
        includeSubdomains: true,
        preload: true,
        override: true,
      },
      contentTypeOptions: { override: true },
      frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
      referrerPolicy: {
        referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
        override: true,
      },
    },
  });
  const spaFallback = new CloudFrontFunction(scope, 'SpaFallback', {
    runtime: FunctionRuntime.JS_2_0,
    comment: 'Serve index.html for app routes',
    code: FunctionCode.fromInline(
      [
        'function handler(event) {',
        '  var request = event.request;',
        "  var last = request.uri.substring(request.uri.lastIndexOf('/') + 1);",
        "  if (last.indexOf('.') === -1) { request.uri = '/index.html'; }",
        '  return request;',
        '}',
      ].join('\n'),
    ),
  });
  return { headers, spaFallback };
}

export interface YearFrontProps extends SharedParts {
  schoolYear: string;
  domainNames: string[];
  certificate: ICertificate;
  webAclArn: string;
}

/**
 * A distribution in front of one school year's web bucket and API, found through the SSM
 * parameters the year publishes. The API gets the year's origin-guard header, whose value
 * CloudFormation resolves from Secrets Manager on deploy (the parameter holds only its ARN).
 */
export class YearFront extends Construct {
  readonly distribution: Distribution;

  constructor(scope: Construct, id: string, props: YearFrontProps) {
    super(scope, id);
    const parameter = (name: Parameters<typeof addressParameter>[1]) =>
      StringParameter.valueForStringParameter(this, addressParameter(props.schoolYear, name));
    const bucket = Bucket.fromBucketName(this, 'Web', parameter('web-bucket'));
    const secretArn = parameter('origin-secret');
    this.distribution = new Distribution(this, 'Distribution', {
      comment: `Stagematching ${props.schoolYear} at ${props.domainNames.join(', ')}`,
      domainNames: props.domainNames,
      certificate: props.certificate,
      minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
      webAclId: props.webAclArn,
      // As for a year's own distribution: the web ACL logs requests, with secrets redacted.
      enableLogging: false,
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: props.headers,
        compress: true,
        functionAssociations: [{ function: props.spaFallback, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        '/api/*': {
          origin: new HttpOrigin(parameter('api-domain'), {
            protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
            customHeaders: {
              [ORIGIN_HEADER]: Fn.join('', ['{{resolve:secretsmanager:', secretArn, ':SecretString:::}}']),
            },
          }),
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: props.headers,
        },
      },
    });
    // The bucket belongs to the year's stack, whose policy lets this account's distributions read it
    // through origin access control (YearOpening): nothing to change on it from here.
    Annotations.of(this.distribution).acknowledgeWarning(
      '@aws-cdk/aws-cloudfront-origins:updateImportedBucketPolicyOac',
      "The year's own stack grants this account's distributions read access (infra/lib/year-opening.ts).",
    );
    acknowledge(
      this.distribution,
      'AwsSolutions-CFR1',
      'Schools and services are in Belgium, but coordinators and staff also work from abroad; access is by login, not by country.',
    );
    acknowledge(
      this.distribution,
      'AwsSolutions-CFR3',
      "CloudFront's standard logs always contain the query string and Referer (one-time tokens from mail links). Requests are logged by the address's web ACL instead, with query string, Authorization, Cookie and Referer redacted, and API calls by each year's API Gateway access log.",
    );
  }
}
