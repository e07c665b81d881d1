disable_mlock = true
ui = true

listener "tcp" {
  address = "[::]:8200"
  cluster_address = "[::]:8201"
  tls_cert_file = "/vault/userconfig/vault-tls/tls.crt"
  tls_key_file  = "/vault/userconfig/vault-tls/tls.key"
}

storage "raft" {
  path = "/vault/data"
  retry_join {
    leader_api_addr = "https://prod-vault-0.prod-vault-internal:8200"
  }
  retry_join {
    leader_api_addr = "https://prod-vault-1.prod-vault-internal:8200"
  }
  retry_join {
    leader_api_addr = "https://prod-vault-2.prod-vault-internal:8200"
  }
}

seal "awskms" {
  region     = "eu-central-1"
  kms_key_id = "alias/vault-unseal"
}

service_registration "kubernetes" {}
