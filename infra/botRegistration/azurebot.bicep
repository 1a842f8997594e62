// The Azure Bot that connects Partner CRM's messaging endpoint to Teams. Single-tenant: Azure stopped creating
// multi-tenant bots in 2025; the bot still works for everyone in its own tenant.

@description('Name of the Azure Bot resource.')
param botServiceName string

@maxLength(42)
param botDisplayName string

@description('Client id of the bot\'s Entra app.')
param botAadAppClientId string

@description('Tenant of the bot\'s Entra app.')
param botAadAppTenantId string

@description('https://<host>/api/messages')
param messagingEndpoint string

@description('F0 is free and enough for Teams; S1 lifts the premium-channel message limits.')
param botServiceSku string = 'F0'

resource botService 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botServiceName
  location: 'global' // Azure Bot resources are global
  kind: 'azurebot'
  sku: {
    name: botServiceSku
  }
  properties: {
    displayName: botDisplayName
    endpoint: messagingEndpoint
    msaAppId: botAadAppClientId
    msaAppTenantId: botAadAppTenantId
    msaAppType: 'SingleTenant'
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: botService
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

output botServiceId string = botService.id
