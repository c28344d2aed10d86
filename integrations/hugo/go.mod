module github.com/feedcal/feedcal/integrations/hugo

go 1.19
