-- One row per usable company, with the definitions version and one group of columns
-- per ICP of any status. The group of the Nth ICP in priority and code order is
-- dN__is_gated_out, dN__score (0-100, NULL when gated out), dN__coverage,
-- dN__candidate_rank (among the live and draft ICPs) and dN__is_assigned.
-- Compiled from the ICP definitions, one pass over the companies.
-- int_companies__icp_ranked turns the groups into rows.
-- depends_on: "gtm"."main"."int_definitions__validated"

with

features as (

    select * from "gtm"."main"."int_companies__features"

),


icps__criteria as (

    select
        features.company_id,
        -- ICP mid_market_saas: Mid-market SaaS, live, priority 1
        -- crm_stack [score, weight 20]: technologies any Salesforce|HubSpot
        case
            when features.technologies is null then null
            when (position('|salesforce|' in features.technologies) > 0 or position('|hubspot|' in features.technologies) > 0) then 1.0
            else 0.0
        end as d1__c__crm_stack,
        -- growth_funding [score, weight 10]: funding_stage in series_b|series_c|series_d_plus
        case
            when features.funding_stage is null then null
            when lower(features.funding_stage) in ('series_b', 'series_c', 'series_d_plus') then 1.0
            else 0.0
        end as d1__c__growth_funding,
        -- hiring [score, weight 10]: hiring_velocity between 2..
        case
            when features.hiring_velocity is null then null
            when features.hiring_velocity >= 2 then 1.0
            when features.hiring_velocity >= 1 then 0.7
            else 0.0
        end as d1__c__hiring,
        -- mid_market_size [score, weight 30]: employee_count band 201-500|501-2000
        case
            when features.employee_count is null then null
            when (features.employee_count between 201 and 500 or features.employee_count between 501 and 2000) then 1.0
            else 0.0
        end as d1__c__mid_market_size,
        -- not_a_customer [exclude]: is_current_customer is_true
        case
            when features.is_current_customer is null then null
            when features.is_current_customer then 1.0
            else 0.0
        end as d1__c__not_a_customer,
        -- revenue_range [score, weight 15]: annual_revenue between 10000000..250000000
        case
            when features.annual_revenue is null then null
            when features.annual_revenue >= 10000000 and features.annual_revenue <= 250000000 then 1.0
            when features.annual_revenue >= 9000000 and features.annual_revenue <= 275000000 then 0.7
            else 0.0
        end as d1__c__revenue_range,
        -- served_regions [score, weight 15]: company_region in Americas|Europe
        case
            when features.company_region is null then null
            when lower(features.company_region) in ('americas', 'europe') then 1.0
            else 0.0
        end as d1__c__served_regions,
        -- software_industry [filter]: industry in Software|Internet
        case
            when features.industry is null then null
            when lower(features.industry) in ('software', 'internet') then 1.0
            else 0.0
        end as d1__c__software_industry,
        -- ICP smb_saas: SMB SaaS, live, priority 2
        -- core_countries [score, weight 15]: company_country in US|GB|CA|DE|NL
        case
            when features.company_country is null then null
            when lower(features.company_country) in ('us', 'gb', 'ca', 'de', 'nl') then 1.0
            else 0.0
        end as d2__c__core_countries,
        -- early_funding [score, weight 20]: funding_stage in bootstrapped|seed|series_a
        case
            when features.funding_stage is null then null
            when lower(features.funding_stage) in ('bootstrapped', 'seed', 'series_a') then 1.0
            else 0.0
        end as d2__c__early_funding,
        -- lightweight_stack [score, weight 20]: technologies any HubSpot|Pipedrive|Stripe
        case
            when features.technologies is null then null
            when (position('|hubspot|' in features.technologies) > 0 or position('|pipedrive|' in features.technologies) > 0 or position('|stripe|' in features.technologies) > 0) then 1.0
            else 0.0
        end as d2__c__lightweight_stack,
        -- net_new_headcount [score, weight 15]: net_new_headcount between 1..50
        case
            when features.net_new_headcount is null then null
            when features.net_new_headcount >= 1 and features.net_new_headcount <= 50 then 1.0
            when features.net_new_headcount >= 0.8 and features.net_new_headcount <= 60 then 0.7
            else 0.0
        end as d2__c__net_new_headcount,
        -- not_churned [exclude]: is_churned is_true
        case
            when features.is_churned is null then null
            when features.is_churned then 1.0
            else 0.0
        end as d2__c__not_churned,
        -- past_pipeline [score, weight 10]: has_past_pipeline is_true
        case
            when features.has_past_pipeline is null then null
            when features.has_past_pipeline then 1.0
            else 0.0
        end as d2__c__past_pipeline,
        -- size_band [score, weight 20]: employee_count band 11-50|51-200
        case
            when features.employee_count is null then null
            when (features.employee_count between 11 and 50 or features.employee_count between 51 and 200) then 1.0
            else 0.0
        end as d2__c__size_band,
        -- small_size [filter]: employee_count between 11..200
        case
            when features.employee_count is null then null
            when features.employee_count >= 11 and features.employee_count <= 200 then 1.0
            else 0.0
        end as d2__c__small_size,
        -- software_industry [filter]: industry in Software|Internet
        case
            when features.industry is null then null
            when lower(features.industry) in ('software', 'internet') then 1.0
            else 0.0
        end as d2__c__software_industry,
        -- ICP enterprise_finserv: Enterprise FinServ, draft, priority 3
        -- enterprise_size [score, weight 40]: employee_count band 2001+
        case
            when features.employee_count is null then null
            when (features.employee_count >= 2001) then 1.0
            else 0.0
        end as d3__c__enterprise_size,
        -- financial_industry [filter]: industry in Financial Services|Banking|Insurance
        case
            when features.industry is null then null
            when lower(features.industry) in ('financial services', 'banking', 'insurance') then 1.0
            else 0.0
        end as d3__c__financial_industry,
        -- large_revenue [score, weight 30]: annual_revenue band 1b+
        case
            when features.annual_revenue is null then null
            when (features.annual_revenue >= 1000000000) then 1.0
            else 0.0
        end as d3__c__large_revenue
    from features

),

icps__totals as (

    select
        company_id,
        -- mid_market_saas
        (
            false
            or coalesce(d1__c__not_a_customer = 1, false)
            or not coalesce(d1__c__software_industry = 1, false)
        ) as d1__is_gated_out,
        cast(
            0
            + 20 * coalesce(d1__c__crm_stack, 0)
            + 10 * coalesce(d1__c__growth_funding, 0)
            + 10 * coalesce(d1__c__hiring, 0)
            + 30 * coalesce(d1__c__mid_market_size, 0)
            + 15 * coalesce(d1__c__revenue_range, 0)
            + 15 * coalesce(d1__c__served_regions, 0)
            as double
        ) as d1__weighted_points,
        cast(
            0
            + case when d1__c__crm_stack is not null then 20 else 0 end
            + case when d1__c__growth_funding is not null then 10 else 0 end
            + case when d1__c__hiring is not null then 10 else 0 end
            + case when d1__c__mid_market_size is not null then 30 else 0 end
            + case when d1__c__revenue_range is not null then 15 else 0 end
            + case when d1__c__served_regions is not null then 15 else 0 end
            as double
        ) as d1__known_weight,
        -- smb_saas
        (
            false
            or coalesce(d2__c__not_churned = 1, false)
            or not coalesce(d2__c__small_size = 1, false)
            or not coalesce(d2__c__software_industry = 1, false)
        ) as d2__is_gated_out,
        cast(
            0
            + 15 * coalesce(d2__c__core_countries, 0)
            + 20 * coalesce(d2__c__early_funding, 0)
            + 20 * coalesce(d2__c__lightweight_stack, 0)
            + 15 * coalesce(d2__c__net_new_headcount, 0)
            + 10 * coalesce(d2__c__past_pipeline, 0)
            + 20 * coalesce(d2__c__size_band, 0)
            as double
        ) as d2__weighted_points,
        cast(
            0
            + case when d2__c__core_countries is not null then 15 else 0 end
            + case when d2__c__early_funding is not null then 20 else 0 end
            + case when d2__c__lightweight_stack is not null then 20 else 0 end
            + case when d2__c__net_new_headcount is not null then 15 else 0 end
            + case when d2__c__past_pipeline is not null then 10 else 0 end
            + case when d2__c__size_band is not null then 20 else 0 end
            as double
        ) as d2__known_weight,
        -- enterprise_finserv
        (
            false
            or not coalesce(d3__c__financial_industry = 1, false)
        ) as d3__is_gated_out,
        cast(
            0
            + 40 * coalesce(d3__c__enterprise_size, 0)
            + 30 * coalesce(d3__c__large_revenue, 0)
            as double
        ) as d3__weighted_points,
        cast(
            0
            + case when d3__c__enterprise_size is not null then 40 else 0 end
            + case when d3__c__large_revenue is not null then 30 else 0 end
            as double
        ) as d3__known_weight
    from icps__criteria

),

icps__scores as (

    select
        company_id,
        -- mid_market_saas
        d1__is_gated_out,
        cast(
            case
                when d1__is_gated_out then null
                else round(cast(100.0 * d1__weighted_points / cast(100 as double) as decimal(18, 6)), 2)
            end as decimal(5, 2)
        ) as d1__score,
        cast(
            round(cast(d1__known_weight / cast(100 as double) as decimal(18, 6)), 4) as decimal(5, 4)
        ) as d1__coverage,
        -- smb_saas
        d2__is_gated_out,
        cast(
            case
                when d2__is_gated_out then null
                else round(cast(100.0 * d2__weighted_points / cast(100 as double) as decimal(18, 6)), 2)
            end as decimal(5, 2)
        ) as d2__score,
        cast(
            round(cast(d2__known_weight / cast(100 as double) as decimal(18, 6)), 4) as decimal(5, 4)
        ) as d2__coverage,
        -- enterprise_finserv
        d3__is_gated_out,
        cast(
            case
                when d3__is_gated_out then null
                else round(cast(100.0 * d3__weighted_points / cast(70 as double) as decimal(18, 6)), 2)
            end as decimal(5, 2)
        ) as d3__score,
        cast(
            round(cast(d3__known_weight / cast(70 as double) as decimal(18, 6)), 4) as decimal(5, 4)
        ) as d3__coverage
    from icps__totals

),

record_scores as (

    -- icps
    select
        company_id,
        cast('ca6b7b9725a1' as TEXT) as definitions_version,
        -- d1: ICP mid_market_saas
        d1__is_gated_out,
        d1__score,
        d1__coverage,
        cast(
            1
            + case when coalesce(d2__score, -1) > coalesce(d1__score, -1) then 1 else 0 end
            + case when coalesce(d3__score, -1) > coalesce(d1__score, -1) then 1 else 0 end
            as integer
        ) as d1__candidate_rank,
        (
            not d1__is_gated_out
            and (d2__is_gated_out or d2__score <= d1__score)
        ) as d1__is_assigned,
        -- d2: ICP smb_saas
        d2__is_gated_out,
        d2__score,
        d2__coverage,
        cast(
            1
            + case when coalesce(d1__score, -1) >= coalesce(d2__score, -1) then 1 else 0 end
            + case when coalesce(d3__score, -1) > coalesce(d2__score, -1) then 1 else 0 end
            as integer
        ) as d2__candidate_rank,
        (
            not d2__is_gated_out
            and (d1__is_gated_out or d1__score < d2__score)
        ) as d2__is_assigned,
        -- d3: ICP enterprise_finserv
        d3__is_gated_out,
        d3__score,
        d3__coverage,
        cast(
            1
            + case when coalesce(d1__score, -1) >= coalesce(d3__score, -1) then 1 else 0 end
            + case when coalesce(d2__score, -1) >= coalesce(d3__score, -1) then 1 else 0 end
            as integer
        ) as d3__candidate_rank,
        false as d3__is_assigned
    from icps__scores

)

select * from record_scores