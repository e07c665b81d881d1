function add_cluster(tag, timestamp, record)
  record["cluster"] = "prod-eu-1"
  return 1, timestamp, record
end
