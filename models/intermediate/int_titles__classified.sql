-- One row per distinct job title of the people: its word key, seniority, functions and
-- flags from the rule-based classifier in the title_rules seed. Titles are classified
-- once each and joined back to people, so the cost grows with distinct titles, not
-- with people.

with

people as (

    select * from {{ ref('stg_gtm__people') }}

),

distinct_titles as (

    select distinct title
    from people
    where title is not null

),

{{ gtm_classify_titles_ctes('distinct_titles') }}

select * from classified
