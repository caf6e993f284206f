// JSON Schemas of the CloudNativePG objects, for the fields the manifests use, written from the
// CloudNativePG API reference (postgresql.cnpg.io/v1, 1.24+): strict (no unknown field), so a typo or a
// field of another version fails `npm test`. The operator's CRDs are not vendored here.
const name = { type: 'string', pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$', maxLength: 253 };
const strict = (properties, required = []) => ({
  type: 'object',
  additionalProperties: false,
  properties,
  required,
});
const quantity = { type: 'string', pattern: '^[0-9]+(\\.[0-9]+)?(m|Ki|Mi|Gi|Ti)?$' };
const localRef = strict({ name }, ['name']);
const keyRef = strict({ name, key: { type: 'string', minLength: 1 } }, ['name', 'key']);
const compression = { enum: ['gzip', 'bzip2', 'snappy', 'lz4', 'xz', 'zstd'] };
const metadata = {
  type: 'object',
  required: ['name'],
  properties: { name, namespace: name, labels: { type: 'object' }, annotations: { type: 'object' } },
};
const objectStore = (required) =>
  strict(
    {
      destinationPath: { type: 'string', pattern: '^(s3|gs|https?)://' },
      endpointURL: { type: 'string', pattern: '^https?://' },
      serverName: name,
      s3Credentials: strict({ accessKeyId: keyRef, secretAccessKey: keyRef }, [
        'accessKeyId',
        'secretAccessKey',
      ]),
      wal: strict({ compression, maxParallel: { type: 'integer', minimum: 1 } }),
      data: strict({ compression, jobs: { type: 'integer', minimum: 1 } }),
    },
    required,
  );
const resources = strict({
  requests: strict({ cpu: quantity, memory: quantity }),
  limits: strict({ cpu: quantity, memory: quantity }),
});

export const clusterSchema = strict(
  {
    apiVersion: { const: 'postgresql.cnpg.io/v1' },
    kind: { const: 'Cluster' },
    metadata,
    spec: strict(
      {
        instances: { type: 'integer', minimum: 1 },
        imageName: { type: 'string', minLength: 1 },
        primaryUpdateStrategy: { enum: ['unsupervised', 'supervised'] },
        minSyncReplicas: { type: 'integer', minimum: 0 },
        maxSyncReplicas: { type: 'integer', minimum: 0 },
        postgresql: strict({
          parameters: { type: 'object', additionalProperties: { type: 'string' } },
        }),
        // exactly one way to start: an empty database, or a recovery from backups
        bootstrap: {
          ...strict({
            initdb: strict({ database: { type: 'string' }, owner: { type: 'string' }, secret: localRef }),
            recovery: strict(
              {
                source: name,
                database: { type: 'string' },
                owner: { type: 'string' },
                secret: localRef,
                recoveryTarget: strict({
                  targetTime: { type: 'string', minLength: 1 },
                  targetImmediate: { type: 'boolean' },
                }),
              },
              ['source'],
            ),
          }),
          minProperties: 1,
          maxProperties: 1,
        },
        externalClusters: {
          type: 'array',
          items: strict({ name, barmanObjectStore: objectStore(['destinationPath']) }, ['name']),
        },
        enableSuperuserAccess: { type: 'boolean' },
        managed: strict({
          roles: {
            type: 'array',
            items: strict(
              {
                name: { type: 'string', pattern: '^[a-z_][a-z0-9_]*$' },
                ensure: { enum: ['present', 'absent'] },
                login: { type: 'boolean' },
                createrole: { type: 'boolean' },
                createdb: { type: 'boolean' },
                inherit: { type: 'boolean' },
                inRoles: { type: 'array', items: { type: 'string' } },
                passwordSecret: localRef,
                connectionLimit: { type: 'integer' },
              },
              ['name'],
            ),
          },
        }),
        storage: strict({ size: quantity, storageClass: { type: 'string' } }, ['size']),
        walStorage: strict({ size: quantity, storageClass: { type: 'string' } }, ['size']),
        resources,
        affinity: strict({
          enablePodAntiAffinity: { type: 'boolean' },
          podAntiAffinityType: { enum: ['preferred', 'required'] },
          topologyKey: { type: 'string' },
        }),
        monitoring: strict({ enablePodMonitor: { type: 'boolean' } }),
        backup: strict({
          retentionPolicy: { type: 'string', pattern: '^[1-9][0-9]*[dwm]$' },
          barmanObjectStore: objectStore(['destinationPath']),
        }),
      },
      ['instances', 'storage'],
    ),
  },
  ['apiVersion', 'kind', 'metadata', 'spec'],
);

export const scheduledBackupSchema = strict(
  {
    apiVersion: { const: 'postgresql.cnpg.io/v1' },
    kind: { const: 'ScheduledBackup' },
    metadata,
    spec: strict(
      {
        // six fields: seconds first
        schedule: { type: 'string', pattern: '^\\S+( \\S+){5}$' },
        immediate: { type: 'boolean' },
        suspend: { type: 'boolean' },
        backupOwnerReference: { enum: ['none', 'self', 'cluster'] },
        method: { enum: ['barmanObjectStore', 'volumeSnapshot', 'plugin'] },
        cluster: localRef,
      },
      ['schedule', 'cluster'],
    ),
  },
  ['apiVersion', 'kind', 'metadata', 'spec'],
);
