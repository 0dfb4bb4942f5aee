import { Duration, RemovalPolicy } from 'aws-cdk-lib';
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
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { CONTENT_SECURITY_POLICY, HSTS_SECONDS } from '#http/security-headers';
import { acknowledge } from './nag';

export interface WebProps {
  webAssetPath: string;
  apiDomain: string;
  /** Headers CloudFront adds to every API request: the origin guard's secret. */
  apiOriginHeaders: Record<string, string>;
  /** ARN of the web ACL (scope CLOUDFRONT, in us-east-1: see EdgeStack). */
  webAclArn: string;
  /** Server access logs of the web bucket. */
  logBucket: Bucket;
}

/**
 * The web app on CloudFront, with `/api/*` forwarded to the HTTP API so that app and API share one
 * origin (no CORS, cookies stay first-party).
 */
export class Web extends Construct {
  readonly distribution: Distribution;
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: WebProps) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Site', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      serverAccessLogsBucket: props.logBucket,
      serverAccessLogsPrefix: 'web/',
      removalPolicy: RemovalPolicy.DESTROY,
    });

    const headers = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Stagematching security headers',
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

    // The app routes its own paths (/leerlingen/123): anything without a file extension gets the shell.
    const spaFallback = new CloudFrontFunction(this, 'SpaFallback', {
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

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Stagematching web app and API',
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
      webAclId: props.webAclArn,
      // CloudFront's standard logs always record the query string and the Referer, which carry
      // one-time tokens from mail links; the web ACL's logs take their place (see EdgeStack).
      enableLogging: false,
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: headers,
        compress: true,
        functionAssociations: [{ function: spaFallback, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        '/api/*': {
          // The execute-api endpoint stays enabled (see OriginGuard); CloudFront proves itself
          // with the origin guard's header, which replaces any header of that name a viewer sends.
          origin: new HttpOrigin(props.apiDomain, {
            protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
            customHeaders: props.apiOriginHeaders,
          }),
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: headers,
        },
      },
    });

    acknowledge(
      this.distribution,
      'AwsSolutions-CFR4',
      'Served on the default *.cloudfront.net certificate, whose TLS policy CloudFront fixes; attach a custom domain with TLSv1.2_2021 when the sector chooses one.',
    );
    acknowledge(
      this.distribution,
      'AwsSolutions-CFR1',
      'Schools and services are in Belgium, but coordinators and staff also work from abroad; access is by login, not by country.',
    );
    acknowledge(
      this.distribution,
      'AwsSolutions-CFR3',
      "CloudFront's standard logs always contain the query string and Referer (one-time tokens from mail links). Requests are logged by the web ACL instead, with query string, Authorization, Cookie and Referer redacted (EdgeStack), and API calls by the API Gateway access log.",
    );

    new BucketDeployment(this, 'Deploy', {
      sources: [Source.asset(props.webAssetPath)],
      destinationBucket: this.bucket,
      distribution: this.distribution,
      distributionPaths: ['/index.html', '/'],
      memoryLimit: 256,
      // Pages are lazy chunks with hashed names: a tab still open on the previous release must
      // find its chunks, so a deploy adds files and never deletes the old ones.
      prune: false,
    });
  }
}
