/**
 * The vendored browser libraries, served from node_modules on the same
 * origin, so the CSP stays 'self'.
 */
import path from 'node:path'
import express, { Router } from 'express'

/** Leaflet and supercluster as published (their UMD builds), at /static/vendor/. */
export function vendorAssets(): Router {
  const router = Router()
  // supercluster's package exports hide its files from require.resolve: take the package folder itself
  const dir = (pkg: string) => path.join(path.dirname(require.resolve('leaflet')), '..', '..', pkg)
  router.use('/leaflet', express.static(path.join(dir('leaflet'), 'dist'), { maxAge: '7d' }))
  router.use('/supercluster', express.static(path.join(dir('supercluster'), 'dist'), { maxAge: '7d' }))
  return router
}
