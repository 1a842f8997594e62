// Partner CRM on Azure: App Service (Linux, Node 20) running the one server process, Azure Database for
// PostgreSQL flexible server holding its data, and a single-tenant Azure Bot connecting it to Teams.
// Deployed by `atk provision` (m365agents.yml, arm/deploy) with infra/azure.parameters.json filled from env/.

@minLength(4)
@maxLength(40)
@description('Names every resource; the app answers at https://<resourceBaseName>.azurewebsites.net, so it must be globally unique.')
param resourceBaseName string

@maxLength(42)
@description('The bot\'s name in Azure.')
param botDisplayName string

@description('Client id of the bot\'s Entra app (BOT_ID), which also serves the tab\'s single sign-on.')
param botAadAppClientId string

@secure()
@description('Client secret of the bot\'s Entra app (SECRET_BOT_PASSWORD).')
param botAadAppClientSecret string

@description('The Entra tenant the bot\'s app lives in (BOT_TENANT_ID); the bot is single-tenant.')
param botAadAppTenantId string

@secure()
@minLength(16)
@description('Administrator password of the PostgreSQL server (SECRET_POSTGRES_ADMIN_PASSWORD).')
param postgresAdminPassword string

param postgresAdminLogin string = 'partnercrm'
param databaseName string = 'partnercrm'
param location string = resourceGroup().location

@description('B1 is the smallest plan with Always On, which the reminder scheduler needs.')
param webAppSku string = 'B1'

param postgresSkuName string = 'Standard_B1ms'
param postgresSkuTier string = 'Burstable'

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: resourceBaseName
  location: location
  kind: 'linux'
  sku: {
    name: webAppSku
  }
  properties: {
    reserved: true // a Linux plan
  }
}

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: resourceBaseName
  location: location
  sku: {
    name: postgresSkuName
    tier: postgresSkuTier
  }
  properties: {
    version: '16'
    administratorLogin: postgresAdminLogin
    administratorLoginPassword: postgresAdminPassword
    authConfig: {
      activeDirectoryAuth: 'Disabled'
      passwordAuth: 'Enabled'
    }
    storage: {
      storageSizeGB: 32
    }
    backup: {
      backupRetentionDays: 7
      geoRedundantBackup: 'Disabled'
    }
    highAvailability: {
      mode: 'Disabled'
    }
    network: {
      publicNetworkAccess: 'Enabled'
    }
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: postgres
  name: databaseName
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
}

// 0.0.0.0 to 0.0.0.0 is Azure's "allow Azure services" rule: App Service's outbound addresses are not fixed.
resource allowAzureServices 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = {
  parent: postgres
  name: 'AllowAzureServices'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

// Computed from the name rather than read from the site, which cannot refer to itself in its own settings.
var publicUrl = 'https://${resourceBaseName}.azurewebsites.net'
var databaseUrl = 'postgres://${postgresAdminLogin}:${uriComponent(postgresAdminPassword)}@${postgres.properties.fullyQualifiedDomainName}:5432/${database.name}?sslmode=require'

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: resourceBaseName
  location: location
  kind: 'app,linux'
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      alwaysOn: true
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      healthCheckPath: '/healthz'
      // `npm start` would rebuild first; the deployment has already built dist/.
      appCommandLine: 'node --enable-source-maps dist/server/main.js'
      // The names server/config.ts reads; App Service sets PORT itself.
      appSettings: [
        {
          name: 'SCM_DO_BUILD_DURING_DEPLOYMENT'
          value: 'true'
        }
        {
          name: 'MicrosoftAppId'
          value: botAadAppClientId
        }
        {
          name: 'MicrosoftAppPassword'
          value: botAadAppClientSecret
        }
        {
          name: 'MicrosoftAppType'
          value: 'SingleTenant'
        }
        {
          name: 'MicrosoftAppTenantId'
          value: botAadAppTenantId
        }
        {
          name: 'PUBLIC_URL'
          value: publicUrl
        }
        {
          name: 'DATABASE_URL'
          value: databaseUrl
        }
        {
          name: 'LOG_LEVEL'
          value: 'info'
        }
      ]
    }
  }
}

module azureBot './botRegistration/azurebot.bicep' = {
  name: 'partner-crm-bot'
  params: {
    botServiceName: resourceBaseName
    botDisplayName: botDisplayName
    botAadAppClientId: botAadAppClientId
    botAadAppTenantId: botAadAppTenantId
    messagingEndpoint: '${publicUrl}/api/messages'
  }
}

// Written to env/.env.<name> by arm/deploy (same names), for the manifest and for `atk deploy`.
output AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output BOT_DOMAIN string = webApp.properties.defaultHostName
output PUBLIC_URL string = 'https://${webApp.properties.defaultHostName}'
