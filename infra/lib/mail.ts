import { Lazy, Stack } from 'aws-cdk-lib';
import { Effect, type IRole, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { ConfigurationSet, ConfigurationSetTlsPolicy, EmailIdentity, Identity } from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';

/** The product's sender: a verified domain identity and a configuration set that tracks delivery. */
export class Mail extends Construct {
  readonly configurationSet: ConfigurationSet;
  readonly identityArn: string;
  readonly configurationSetArn: string;
  private readonly mailFrom: string;
  private appUrl?: string;

  constructor(scope: Construct, id: string, props: { mailFrom: string }) {
    super(scope, id);
    const mailDomain = /@([^>\s]+)>?$/.exec(props.mailFrom)?.[1];
    if (!mailDomain) throw new Error(`mailFrom must contain an address, got "${props.mailFrom}"`);
    this.mailFrom = props.mailFrom;
    this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {
      reputationMetrics: true,
      sendingEnabled: true,
      tlsPolicy: ConfigurationSetTlsPolicy.REQUIRE,
    });
    new EmailIdentity(this, 'Sender', {
      identity: Identity.domain(mailDomain),
      configurationSet: this.configurationSet,
    });
    const stack = Stack.of(this);
    this.identityArn = stack.formatArn({
      service: 'ses',
      resource: 'identity',
      resourceName: mailDomain,
    });
    this.configurationSetArn = stack.formatArn({
      service: 'ses',
      resource: 'configuration-set',
      resourceName: this.configurationSet.configurationSetName,
    });
  }

  /**
   * The web app's address, for the links in mails. The distribution is made after the functions
   * that send mail, so the value is filled in when the stack is synthesised.
   */
  linkTo(appUrl: string): void {
    this.appUrl = appUrl;
  }

  /**
   * Lets a role send mail: SendEmail from the product's identity through its configuration set,
   * nothing else. Runs once per permission set (the functions of a set share its role).
   */
  grantSend(role: IRole): void {
    role.addToPrincipalPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['ses:SendEmail'],
        resources: [this.identityArn, this.configurationSetArn],
      }),
    );
  }

  /** Gives a function that sends mail the sender address, configuration set and app address. */
  configureSender(fn: LambdaFunction): void {
    fn.addEnvironment('MAIL_FROM', this.mailFrom);
    fn.addEnvironment('SES_CONFIGURATION_SET', this.configurationSet.configurationSetName);
    fn.addEnvironment(
      'APP_URL',
      Lazy.string({
        produce: () => {
          if (!this.appUrl) throw new Error('Mail.linkTo(appUrl) was never called: mails would link nowhere');
          return this.appUrl;
        },
      }),
    );
  }
}
